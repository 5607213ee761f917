package main

import "fmt"

type Str int

func (s Str) String() string { return fmt.Sprintf("Str<%d> nil pointer dereference", int(s)) }

func main() {
	fmt.Println("before")
	panic(Str(9))
}
