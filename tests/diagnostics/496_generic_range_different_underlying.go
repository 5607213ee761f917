package main

func F[T ~[]byte | ~string](x T) {
	for _, r := range x {
		_ = r
	}
}

func main() {}
