package main

import "fmt"

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs[K comparable, V any](ks []K, vs []V) func(func(K, V) bool) {
	return func(yield func(K, V) bool) {
		for i := range ks {
			if !yield(ks[i], vs[i]) {
				return
			}
		}
	}
}

func Times(n int) func(func() bool) {
	return func(yield func() bool) {
		for i := 0; i < n; i++ {
			if !yield() {
				return
			}
		}
	}
}

func find(n, target int) (int, bool) {
	for i := range Count(n) {
		if i == target {
			return i * 10, true
		}
	}
	return -1, false
}

func main() {
	for i := range Count(5) {
		if i == 1 {
			continue
		}
		if i == 4 {
			break
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	for k, v := range Pairs([]string{"a", "b", "c"}, []int{1, 2, 3}) {
		fmt.Print(k, "=", v, " ")
	}
	fmt.Println()
	n := 0
	for range Times(3) {
		n++
	}
	fmt.Println(n)
	fmt.Println(find(10, 7))
	fmt.Println(find(3, 7))
	sum := 0
outer:
	for i := range Count(4) {
		for j := range Count(4) {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			sum += i * j
		}
	}
	fmt.Println(sum)
	var funcs []func() int
	for i := range Count(3) {
		funcs = append(funcs, func() int { return i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var last int
	for last = range Count(6) {
	}
	fmt.Println(last)
	for i := range Count(3) {
		switch i {
		case 1:
			break
		default:
			fmt.Print("[", i, "]")
		}
	}
	fmt.Println()
}
