package main

import "fmt"

type ParseError struct {
	line int
	msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func parse(s string) error {
	if s == "" {
		return &ParseError{7, "empty input"}
	}
	return nil
}

func main() {
	fmt.Println("parsing")
	if err := parse(""); err != nil {
		panic(err)
	}
}
