package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(key string) error {
	if key == "" {
		return &QueryError{"empty", ErrNotFound}
	}
	return fmt.Errorf("find %q: %w", key, ErrNotFound)
}

func main() {
	err := find("k")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	wrapped := fmt.Errorf("layer 2: %w", err)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrNotFound))
	fmt.Printf("%T %T\n", err, ErrNotFound)

	qe := find("")
	var target *QueryError
	if errors.As(fmt.Errorf("outer: %w", qe), &target) {
		fmt.Println("as:", target.Query, target.Err)
	}
	fmt.Println(errors.Is(qe, ErrNotFound))

	multi := fmt.Errorf("both: %w and %w", ErrNotFound, errors.New("other"))
	fmt.Println(multi, errors.Is(multi, ErrNotFound), errors.Unwrap(multi) == nil)

	plain := fmt.Errorf("no wrap %d", 42)
	fmt.Println(plain, errors.Unwrap(plain) == nil)
	fmt.Printf("%T\n", plain)

	bad := fmt.Errorf("not an error: %w", 5)
	fmt.Println(bad)
	fmt.Println(fmt.Errorf("%v and %w", "x", nil))

	e1 := errors.New("same")
	e2 := errors.New("same")
	fmt.Println(e1 == e2, errors.Is(e1, e2))
}
