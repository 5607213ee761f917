// 02 json marshal
package main

import (
	"encoding/json"
	"fmt"
)

type Book struct {
	Title  string   `json:"title"`
	Author string   `json:"author"`
	Pages  int      `json:"pages,omitempty"`
	Tags   []string `json:"tags"`
	secret string
}

func main() {
	b := Book{Title: "The Go Programming Language", Author: "Donovan & Kernighan", Tags: []string{"go", "programming"}}
	data, err := json.Marshal(b)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(data))
}
