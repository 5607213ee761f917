package main

func F[T any](x T) {
	_ = append(x, 1)
}

func main() {}
