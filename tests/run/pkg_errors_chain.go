package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

type Temporary interface{ Temporary() bool }

type netErr struct{ msg string }

func (e netErr) Error() string   { return e.msg }
func (e netErr) Temporary() bool { return true }

type multi struct{ errs []error }

func (m multi) Error() string   { return fmt.Sprint(len(m.errs), " errors") }
func (m multi) Unwrap() []error { return m.errs }

var ErrA = errors.New("A")
var ErrB = errors.New("B")

func lookup(name string) error {
	if name == "" {
		return fmt.Errorf("lookup: %w", &NotFound{"<empty>"})
	}
	return nil
}

func main() {
	err := fmt.Errorf("level 3: %w", fmt.Errorf("level 2: %w", fmt.Errorf("level 1: %w", ErrA)))
	fmt.Println(err)
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Printf("  %T: %v\n", e, e)
	}
	fmt.Println(errors.Is(err, ErrA), errors.Is(err, ErrB))

	e := lookup("")
	var nf *NotFound
	fmt.Println(errors.As(e, &nf), nf.Name)
	fmt.Println(lookup("x") == nil)

	m := multi{[]error{ErrB, fmt.Errorf("deep: %w", ErrA)}}
	fmt.Println(m, errors.Is(m, ErrA), errors.Is(m, ErrB))
	wrappedMulti := fmt.Errorf("top: %w", m)
	fmt.Println(errors.Is(wrappedMulti, ErrA))

	var ne netErr
	fmt.Println(errors.As(fmt.Errorf("x: %w", netErr{"conn reset"}), &ne), ne.msg)

	j := errors.Join(ErrA, errors.Join(ErrB, &NotFound{"z"}))
	fmt.Println(j)
	var nf2 *NotFound
	fmt.Println(errors.Is(j, ErrB), errors.As(j, &nf2), nf2)

	two := fmt.Errorf("%w + %w", ErrA, ErrB)
	fmt.Println(two, errors.Is(two, ErrA), errors.Is(two, ErrB))
	fmt.Printf("%T\n", two)
}
