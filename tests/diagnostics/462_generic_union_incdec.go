package main

func Next[T int | string](x T) T {
	x++
	return x
}

func main() {}
