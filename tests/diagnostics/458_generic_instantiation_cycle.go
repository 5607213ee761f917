package main

func F[T any]() {
	F[*T]()
}

func main() {}
