// 09 json errors
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type T struct {
	N int `json:"n"`
}

func main() {
	var t T
	err := json.Unmarshal([]byte(`{"n": "seven"}`), &t)
	fmt.Println(err)
	var ute *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &ute), ute.Field, ute.Value)
	err = json.Unmarshal([]byte(`{"n": 1,}`), &t)
	var se *json.SyntaxError
	fmt.Println(err, errors.As(err, &se), se.Offset)
	_, err = json.Marshal(map[string]any{"c": make(chan int)})
	fmt.Println(err)
}
