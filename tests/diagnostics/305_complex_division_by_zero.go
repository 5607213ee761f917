package main

const k = 1i / 0

func main() {
	println(k)
}
