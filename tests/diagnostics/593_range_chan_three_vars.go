package main

// A channel gives one iteration variable: that error comes before the
// one for a third variable.
func main() {
	ch := make(chan int)
	var i, j, k int
	for i, j, k = range ch {
	}
	_, _, _ = i, j, k
}
