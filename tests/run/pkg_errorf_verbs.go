package main

import (
	"errors"
	"fmt"
)

type codeErr int

func (c codeErr) Error() string { return fmt.Sprintf("code=%d", int(c)) }

func main() {
	base := errors.New("base")
	fmt.Println(fmt.Errorf("%s|%v|%q|%x", base, base, base, base))
	fmt.Println(fmt.Errorf("%+v %#v", codeErr(3), codeErr(3)))
	fmt.Println(fmt.Errorf("%[2]w then %[1]v", "first", base))
	e := fmt.Errorf("%d%%: %w", 50, codeErr(9))
	fmt.Println(e, errors.Unwrap(e) == codeErr(9))
	var c codeErr
	fmt.Println(errors.As(e, &c), c)
	fmt.Println(fmt.Errorf("%w", nil), errors.Unwrap(fmt.Errorf("%w", nil)) == nil)
	fmt.Println(fmt.Errorf("extra %w", base, 1))
	fmt.Println(fmt.Errorf("%v", []error{base, codeErr(1)}))
	fmt.Printf("%v|%s|%q\n", base, codeErr(2), codeErr(2))
	fmt.Println(fmt.Sprintf("%w", base))
	err := fmt.Errorf("x %w y %w", codeErr(1), codeErr(2))
	fmt.Println(err, errors.Is(err, codeErr(2)), errors.Is(err, codeErr(3)))
}
