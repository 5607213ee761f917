// 04 json round trip
package main

import (
	"encoding/json"
	"fmt"
)

type Point struct {
	X, Y int
}

type Shape struct {
	Name   string  `json:"name"`
	Points []Point `json:"points"`
	Closed bool    `json:"closed"`
}

func main() {
	in := Shape{Name: "triangle", Points: []Point{{0, 0}, {4, 0}, {2, 3}}, Closed: true}
	data, _ := json.Marshal(in)
	fmt.Println(string(data))
	var out Shape
	if err := json.Unmarshal(data, &out); err != nil {
		panic(err)
	}
	fmt.Printf("%+v\n", out)
	fmt.Println("equal:", fmt.Sprint(in) == fmt.Sprint(out))
}
