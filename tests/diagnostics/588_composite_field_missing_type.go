package main

type Node struct {
	val  int
	next *Node
}

// A composite literal's type is elided only in the elements of arrays,
// slices and maps: a struct field's value must name it.
func main() {
	n := Node{val: 1, next: {val: 2}}
	_ = n
}
