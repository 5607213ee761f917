package main

import (
	"errors"
	"fmt"
	"os"
)

type Level int

func (l Level) String() string { return fmt.Sprintf("level-%d", int(l)) }

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		panic(Level(3))
	}()
	_, err := os.ReadFile("/definitely/not/here.txt")
	fmt.Println("about to fail:", errors.Is(err, os.ErrNotExist))
	check(fmt.Errorf("loading config: %w", err))
}
