package main

import "fmt"

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Sprint("recovered: ", r)
		}
	}()
	q = a / b
	return q, ""
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func nested() {
	defer fmt.Println("nested deferred")
	panic("inner")
}

func catch() {
	defer func() {
		fmt.Println("caught:", recover())
	}()
	nested()
	fmt.Println("not reached")
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	order()
	fmt.Println(double())
	catch()
	fmt.Println(recover())
	defer fmt.Println("main deferred")
	func() {
		defer func() {
			r := recover()
			fmt.Println("again:", r)
		}()
		var s []int
		_ = s[3]
	}()
	panic("final")
}
