package main

func F[T, U any](t T) {}

func main() {
	f := F[int]
	_ = f
}
