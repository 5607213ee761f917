package main
// gol-only

import "fmt"

type box[T any] struct{ v T }

func main() {
	fmt.Println(box[int]{1})
}
