package main

func F[T any](x T) {
	switch x.(type) {
	}
}

func main() {}
