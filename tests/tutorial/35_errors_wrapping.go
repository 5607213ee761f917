// 35 errors wrapping
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

type NotFoundError struct {
	Name string
}

func (e *NotFoundError) Error() string { return e.Name + ": not found" }

var ErrTimeout = errors.New("timeout")

func find(name string) error {
	if name == "" {
		return fmt.Errorf("find: %w", ErrTimeout)
	}
	return fmt.Errorf("lookup %q: %w", name, &NotFoundError{name})
}

func main() {
	err := find("config")
	fmt.Println(err)
	var nf *NotFoundError
	fmt.Println(errors.As(err, &nf), nf.Name)
	fmt.Println(errors.Is(find(""), ErrTimeout), errors.Unwrap(find("")) == ErrTimeout)
	joined := errors.Join(ErrTimeout, fs.ErrNotExist)
	fmt.Println(joined, errors.Is(joined, fs.ErrNotExist))
	_, err = os.Open("/no/such/file")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
}
