package main

// Go runs an unrecovered panic's Error methods before it prints the
// report; a panic there is not printed as a panic but thrown: a string
// value by its text, any other by its type.

import (
	"errors"
	"fmt"
	"os"
)

type E struct{ kind int }

func (e E) Error() string {
	if e.kind == 0 {
		panic("inner")
	}
	panic(errors.New("inner error"))
}

func main() {
	fmt.Println("before")
	panic(E{len(os.Args) - 1})
}
