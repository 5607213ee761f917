package main

// A line directive sets the position Go reports; the underline stays on
// the source the compiler read.
func main() {
//line 540_line_directive_places_error.go:100:10
	x := 1
}
