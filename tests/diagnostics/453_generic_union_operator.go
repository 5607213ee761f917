package main

func Mod[T int | float64](x, y T) T {
	return x % y
}

func main() {}
