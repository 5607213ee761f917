package main

func F[T any]() {
	const c T = 1
}

func main() {}
