package main

func F[T any]() T {
	return nil
}

func main() {}
