package main

func F[T any](x T) {
	x()
}

func main() {}
