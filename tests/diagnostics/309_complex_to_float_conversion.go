package main

func main() {
	z := 1 + 2i
	println(float64(z))
}
