package main

func main() {
	var c int
	<-c
}
