package main

func f() { f() }
func main() { f() }
