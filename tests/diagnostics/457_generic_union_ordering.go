package main

func Less[T int | bool](x, y T) bool {
	return x < y
}

func main() {}
