package main

import (
	"fmt"
	"strconv"
)

func Parse[T int | float64 | bool | string](s string) (T, error) {
	var z T
	var out any
	var err error
	switch any(z).(type) {
	case int:
		out, err = strconv.Atoi(s)
	case float64:
		out, err = strconv.ParseFloat(s, 64)
	case bool:
		out, err = strconv.ParseBool(s)
	case string:
		out = s
	}
	if err != nil {
		return z, err
	}
	return out.(T), nil
}

func Kind[T any]() string {
	var z T
	switch any(z).(type) {
	case int, int64:
		return "integer"
	case string:
		return "string"
	case nil:
		return "nil interface"
	}
	return fmt.Sprintf("%T", z)
}

func main() {
	i, err := Parse[int]("42")
	fmt.Println(i+1, err)
	f, _ := Parse[float64]("2.5")
	fmt.Println(f * 2)
	b, _ := Parse[bool]("true")
	fmt.Println(!b)
	_, err = Parse[int]("x")
	fmt.Println(err)
	fmt.Println(Kind[int](), Kind[string](), Kind[error](), Kind[[]byte]())
}
