package main

func Inc[T any](x T) int {
	return x + 1
}

func main() {}
