package main

// At package level, init may only name a function.
var init = 1

func main() {}
