package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

type TimeoutErr struct{ Op string }

func (e TimeoutErr) Error() string { return e.Op + " timed out" }
func (e TimeoutErr) Is(target error) bool {
	return target == ErrTimeout
}

var ErrTimeout = errors.New("timeout")

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func main() {
	e := errors.New("boom")
	fmt.Println(e, e.Error())
	fmt.Println(errors.Unwrap(e) == nil)

	j := errors.Join(e, nil, io.EOF)
	fmt.Println(j)
	fmt.Println(errors.Is(j, io.EOF), errors.Is(j, e), errors.Is(j, os.ErrNotExist))
	fmt.Println(errors.Join(nil, nil) == nil)
	fmt.Printf("%q\n", errors.Join(errors.New("a"), errors.New("b")).Error())

	t := TimeoutErr{"read"}
	fmt.Println(errors.Is(t, ErrTimeout), errors.Is(fmt.Errorf("x: %w", t), ErrTimeout))

	var te TimeoutErr
	fmt.Println(errors.As(fmt.Errorf("w: %w", t), &te), te.Op)

	var c Code
	err := fmt.Errorf("ctx: %w", Code(404))
	fmt.Println(errors.As(err, &c), c, int(c))
	var c2 Code
	fmt.Println(errors.As(e, &c2), c2)

	var anyErr error
	fmt.Println(errors.As(err, &anyErr), anyErr)

	fmt.Println(errors.Is(nil, nil), errors.Is(e, nil), errors.Is(nil, e))
	fmt.Println(errors.ErrUnsupported)
	fmt.Println(io.EOF, io.ErrUnexpectedEOF)

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	errors.As(e, nil)
}
