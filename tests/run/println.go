package main

func main() {
	println("hello", 1, -2, true, 2.5, 1e21, 1e-7, float32(0.1))
	print("no", "spaces", 3, "\n")
	var u uint64 = 18446744073709551615
	println(u, 'x', 0.0, 100.0)
	var z float64
	println(-z, 1/z, -1/z, z/z)
}
