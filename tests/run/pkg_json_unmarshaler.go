package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Up string

func (u *Up) UnmarshalJSON(b []byte) error {
	*u = Up(strings.ToUpper(string(b)))
	return nil
}

type W struct {
	A Up
	B []Up
}

func main() {
	var w W
	fmt.Println(json.Unmarshal([]byte(`{"A":"x","B":["y"]}`), &w), w)
}
