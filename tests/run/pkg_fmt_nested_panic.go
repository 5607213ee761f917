package main

import (
	"errors"
	"fmt"
)

type BadErr struct{}

func (BadErr) Error() string { panic(errors.New("inner failure")) }

type BadIdx struct{ s []int }

func (b BadIdx) String() string { return fmt.Sprint(b.s[5]) }

type Good struct{ v int }

func (g Good) String() string { return fmt.Sprintf("Good(%d)", g.v) }

type Outer struct {
	G Good
	P *Good
}

func main() {
	fmt.Println(BadErr{})
	fmt.Printf("%v|%s|%d\n", BadIdx{}, BadIdx{}, BadIdx{})
	fmt.Println(Outer{Good{1}, &Good{2}})
	fmt.Printf("%+v\n", Outer{G: Good{3}})
	fmt.Println([]Good{{4}, {5}})
	s := fmt.Sprintf("%v and %v", Good{6}, BadIdx{})
	fmt.Println(s)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(fmt.Errorf("wrap: %w", BadErr{}))
	}()
}
