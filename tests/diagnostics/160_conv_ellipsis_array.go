package main

func main() {
	_ = [...]byte("foo")
}
