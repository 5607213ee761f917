package main

func Wrap[T any](x T, n int) {
	if n > 0 {
		Wrap(&x, n-1)
	}
}

func main() {
	Wrap(1, 3)
}
