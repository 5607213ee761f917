package main

func main() {
	a, b := struct{}{}, struct{}{}
	_ = struct{}(a, b, a)
}
