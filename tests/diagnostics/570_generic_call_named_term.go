package main

type MyInt int

func F[T MyInt](f T) {
	f()
}

func main() {}
