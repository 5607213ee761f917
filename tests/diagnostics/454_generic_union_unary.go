package main

func Neg[T ~int | ~string](x T) T {
	return -x
}

func main() {}
