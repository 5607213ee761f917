package main

func main() {
	_ = struct{ a int }(5)
}
