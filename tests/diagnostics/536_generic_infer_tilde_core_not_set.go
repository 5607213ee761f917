package main

import "fmt"

func Z[T any, U ~int]() U { var u U; return u }

func main() { fmt.Println(Z[string]()) }
