package main

import "fmt"

func f() (err error) {
	{
		err := fmt.Errorf("inner")
		if err != nil {
			return
		}
	}
	return nil
}

func main() {
	fmt.Println(f())
}
