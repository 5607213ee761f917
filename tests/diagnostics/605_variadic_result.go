package main

// A ... among the results is Go's "invalid use of ...", at the ..., and
// no misplaced final parameter even when it names a group.
func h() (a, b ...int) { return }

func main() { h() }
