package main

func F[T any](x T) {
	var y int = x
	_ = y
}

func main() {}
