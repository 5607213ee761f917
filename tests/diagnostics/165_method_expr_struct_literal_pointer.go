package main

type T int

func (t *T) Inc() { *t++ }

func main() {
	_ = struct{ T }.Inc
}
