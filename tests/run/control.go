package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func day(d int) string {
	switch d {
	case 0, 6:
		return "weekend"
	case 1, 2, 3, 4, 5:
		return "weekday"
	}
	return "?"
}

func main() {
	for i := -1; i < 4; i++ {
		fmt.Println(i, classify(i), day(i))
	}
	n := 0
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j > i {
				continue outer
			}
			if i+j > 12 {
				break outer
			}
			n++
		}
	}
	fmt.Println(n)
	k := 0
	for k < 100 {
		k += 7
	}
	fmt.Println(k)
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	x := 10
	if y := x * 2; y > 15 {
		fmt.Println("big", y)
	} else if y > 5 {
		fmt.Println("medium", y)
	} else {
		fmt.Println("small", y)
	}
	for {
		x--
		if x < 5 {
			break
		}
	}
	fmt.Println(x)
	switch x {
	case 4:
		fmt.Println("four")
		break
	case 5:
		fmt.Println("five")
	}
}
