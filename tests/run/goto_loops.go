package main

import "fmt"

// A loop written with goto, backward.
func sumTo(n int) int {
	i, s := 0, 0
loop:
	if i <= n {
		s += i
		i++
		goto loop
	}
	return s
}

// Forward gotos skipping code, and out of nested blocks.
func classify(x int) string {
	var r string
	if x < 0 {
		r = "negative"
		goto done
	}
	if x == 0 {
		{
			r = "zero"
			goto done
		}
	}
	r = "positive"
	if x > 100 {
		r += " and big"
	}
done:
	return r
}

// Out of nested loops, like a labelled break.
func find(grid [][]int, want int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				fmt.Println("found at", i, j)
				goto found
			}
		}
	}
	return -1, -1
found:
	return len(grid), want
}

// Out of a switch and a type switch, back to a label before them.
func steps(xs []any) {
	i := 0
next:
	if i >= len(xs) {
		return
	}
	x := xs[i]
	i++
	switch v := x.(type) {
	case int:
		if v%2 == 0 {
			fmt.Println("even int", v)
			goto next
		}
		fmt.Println("odd int", v)
	case string:
		switch v {
		case "skip":
			goto next
		case "stop":
			goto out
		}
		fmt.Println("string", v)
	default:
		fmt.Println("other", v)
	}
	goto next
out:
	fmt.Println("stopped with", len(xs)-i, "left")
}

// goto together with labelled break and continue.
func mixed() {
	n := 0
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			switch {
			case j == 3:
				continue outer
			case i == 3:
				break outer
			case i == j:
				goto skip
			}
			n += 10
			continue
		skip:
			n++
		}
	}
	fmt.Println("mixed", n)
}

// Jumps inside a loop body: forward within the body, and a goto back to
// a label at the start of the body (the loop variable stays).
func inBody() {
	for i := 0; i < 3; i++ {
		tries := 0
	again:
		tries++
		if tries < i+1 {
			goto again
		}
		if i == 1 {
			goto end
		}
		fmt.Println("i", i, "tries", tries)
	end:
	}
}

// A goto label on a loop: jumping to it runs the loop's init again.
func restart() {
	round := 0
top:
	for i := 0; i < 3; i++ {
		fmt.Print(round, ":", i, " ")
		if i == 1 && round < 2 {
			round++
			goto top
		}
	}
	fmt.Println()
}

// A label used only by goto, on an empty statement at the end of a block.
func endOfBlock(b bool) {
	{
		if b {
			goto L
		}
		fmt.Println("not skipped")
	L:
	}
	fmt.Println("after block", b)
}

func main() {
	fmt.Println(sumTo(100))
	for _, x := range []int{-5, 0, 7, 1000} {
		fmt.Println(x, classify(x))
	}
	fmt.Println(find([][]int{{1, 2}, {3, 4}, {5, 6}}, 4))
	fmt.Println(find([][]int{{1, 2}}, 9))
	steps([]any{1, 2, "a", "skip", 3.5, "b", "stop", 9})
	mixed()
	inBody()
	restart()
	endOfBlock(true)
	endOfBlock(false)
}
