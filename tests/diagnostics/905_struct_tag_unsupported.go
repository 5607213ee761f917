package main
// gol-only

import "fmt"

type user struct {
	Name string `json:"name"`
}

func main() {
	fmt.Println(user{"ann"})
}
