package main

func F[T any](p *T) {
	_ = p.x
}

func main() {}
