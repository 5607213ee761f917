package main

import (
	"errors"
	"fmt"
)

func Items(yield func(string) bool) {
	defer fmt.Println("iterator cleanup")
	for _, s := range []string{"a", "b", "c"} {
		if !yield(s) {
			return
		}
	}
}

func process() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for s := range Items {
		if s == "b" {
			panic("bad item " + s)
		}
		fmt.Println("ok", s)
	}
	return errors.New("unreachable")
}

func main() {
	fmt.Println(process())
}
