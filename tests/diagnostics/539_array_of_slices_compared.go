package main

func main() { var a, b [2][]int; println(a == b) }
