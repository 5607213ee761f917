package main

import (
	"errors"
	"fmt"
)

type Option[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Option[T] { return Option[T]{v, true} }
func None[T any]() Option[T]    { return Option[T]{} }

func (o Option[T]) Get() (T, bool) { return o.val, o.ok }
func (o Option[T]) OrElse(d T) T {
	if o.ok {
		return o.val
	}
	return d
}
func (o Option[T]) String() string {
	if !o.ok {
		return "None"
	}
	return fmt.Sprintf("Some(%v)", o.val)
}

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) Result[T] {
	v, err := f()
	return Result[T]{v, err}
}

func main() {
	a := Some(3)
	b := None[string]()
	fmt.Println(a, b, a.OrElse(9), b.OrElse("dflt"))
	v, ok := a.Get()
	fmt.Println(v, ok)
	r := Try(func() (int, error) { return 0, errors.New("bad") })
	fmt.Println(r.Val, r.Err)
	r2 := Try(func() ([]string, error) { return []string{"ok"}, nil })
	fmt.Println(r2.Val, r2.Err == nil)
	fmt.Printf("%v %s\n", Some[float64](1.5), None[int]())
}
