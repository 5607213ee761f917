package main

func A[T any](n int) {
	if n > 0 {
		B[T](n - 1)
	}
}

func B[U any](n int) {
	A[[]U](n)
}

func main() {
	A[int](3)
}
