package main

func main() {
	var f float64
	_ = make([]int, f)
}
