package main

func f(n int) int { var a [10]int; a[n%10] = n; return f(n+1) + a[0] }
func main() { f(0) }
