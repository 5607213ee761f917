package main

func F[T any](x T) {
	for range x {
	}
}

func main() {}
