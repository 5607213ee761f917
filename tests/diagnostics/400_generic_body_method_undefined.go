package main

func F[T any](x T) {
	x.Foo()
}

func main() {}
