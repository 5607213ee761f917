package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

func Find[K comparable, V any](m map[K]V, k K) (V, error) {
	v, ok := m[k]
	if !ok {
		return v, fmt.Errorf("find: %w", &NotFound{fmt.Sprint(k)})
	}
	return v, nil
}

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func As[E error](err error) (E, bool) {
	var target E
	ok := errors.As(err, &target)
	return target, ok
}

func main() {
	m := map[string]int{"a": 1}
	fmt.Println(Must(Find(m, "a")))
	_, err := Find(m, "zz")
	fmt.Println(err)
	nf, ok := As[*NotFound](err)
	fmt.Println(ok, nf.Key)
	defer func() { fmt.Println("panic:", recover()) }()
	Must(Find(map[int]bool{}, 7))
}
