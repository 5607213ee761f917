package main

import (
	"fmt"
)

func try(f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println("error:", err.Error())
			_, isrt := err.(interface{ RuntimeError() })
			fmt.Println(isrt)
			return
		}
		fmt.Println("value:", r)
	}()
	f()
}

func main() {
	var s []int
	var m map[string]int
	var p *int
	try(func() { _ = s[3] })
	try(func() { m["x"] = 1 })
	try(func() { _ = *p })
	try(func() { _ = &*p })
	try(func() { panic("plain") })
	try(func() { _ = s[1] })
}
