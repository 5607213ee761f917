package main

import "fmt"

// A variable declared after a label and captured by a closure is a new
// variable each time the declaration runs again through the goto.
func fresh() {
	var fs []func() int
	i := 0
again:
	x := i * 10
	fs = append(fs, func() int { x++; return x })
	i++
	if i < 3 {
		goto again
	}
	for _, f := range fs {
		fmt.Print(f(), " ", f(), " ")
	}
	fmt.Println()
}

// The same inside a loop body: the body's variable, re-entered by a
// backward goto within the body, is fresh each time too.
func freshInLoop() {
	var ps []*int
	for round := 0; round < 2; round++ {
		k := 0
	redo:
		v := round*100 + k
		ps = append(ps, &v)
		k++
		if k < 3 {
			goto redo
		}
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}

// A variable declared before the label is the same variable each time.
func shared() {
	var fs []func() int
	n := 0
	i := 0
again:
	fs = append(fs, func() int { n++; return n })
	i++
	if i < 3 {
		goto again
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println(n)
}

// goto inside a closure: labels belong to the literal's own body.
func inClosure() {
	count := func(n int) (s []int) {
		i := 0
	L:
		if i < n {
			s = append(s, i)
			i++
			goto L
		}
		return
	}
	fmt.Println(count(4), count(0))
	// The same label name in the outer function and in a literal.
	j := 0
L:
	j++
	f := func() int {
		k := 0
		goto L
	L:
		return k + j
	}
	if j < 3 {
		fmt.Println("f", f())
		goto L
	}
}

// Deferred calls registered on each pass of a goto loop all run at the
// end, last first; the deferred closures see fresh variables.
func deferLoop() (out []int) {
	i := 0
L:
	v := i
	defer func() { out = append(out, v) }()
	i++
	if i < 4 {
		goto L
	}
	return nil
}

// goto out of a function whose panics are recovered: the recover happens
// in a deferred call, after the gotos ran.
func withRecover() (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered: ", e)
		}
	}()
	tries := 0
retry:
	tries++
	if tries < 3 {
		goto retry
	}
	var m map[string]int
	m["x"] = tries
	return "unreachable"
}

func main() {
	fresh()
	freshInLoop()
	shared()
	inClosure()
	fmt.Println(deferLoop())
	fmt.Println(withRecover())
}
