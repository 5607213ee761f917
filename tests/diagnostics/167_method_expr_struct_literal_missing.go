package main

type T int

func main() {
	_ = struct{ T }.Missing
}
