package main

func F[T any](x T) {
	x.f = 1
}

func main() {}
