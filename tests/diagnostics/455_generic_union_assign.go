package main

func G[T int | string](x T) {
	var _ int = x
}

func main() {}
