package main

func F[T, U any](x T) U {
	return x
}

func main() {}
