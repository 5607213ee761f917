package main

func F[T ~func(int) int | ~func(int) string](f T) {
	f(1)
}

func main() {}
