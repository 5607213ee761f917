package main

func main() {
	var c chan<- int
	for range c {
	}
}
