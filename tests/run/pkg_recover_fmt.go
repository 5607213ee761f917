package main

import (
	"errors"
	"fmt"
	"strconv"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func parseAll(xs []string) (sum int, err error) {
	for _, x := range xs {
		n, err := strconv.Atoi(x)
		if err != nil {
			return 0, fmt.Errorf("parseAll: %w", err)
		}
		sum += n
	}
	return sum, nil
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	func() {
		defer func() {
			r := recover()
			fmt.Printf("%v | %s\n", r, r)
		}()
		var xs []int
		_ = xs[3]
	}()
	func() {
		defer func() {
			r := recover()
			fmt.Println("panic value:", r)
		}()
		panic(fmt.Errorf("wrapped: %w", errSentinel))
	}()
	fmt.Println(parseAll([]string{"1", "2", "3"}))
	_, err := parseAll([]string{"1", "two"})
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num)
}

var errSentinel = errors.New("sentinel")
