package main

func F[T ~int](f T) {
	f(1)
}

func main() {}
