package main

// An Error method that Go runs to print an unrecovered panic's value may
// end the program: nothing of the report is printed.

import (
	"fmt"
	"os"
)

type E struct{}

func (e E) Error() string {
	fmt.Println("in Error")
	os.Exit(3)
	return ""
}

func main() {
	panic(E{})
}
