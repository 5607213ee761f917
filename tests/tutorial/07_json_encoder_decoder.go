// 07 json encoder decoder
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Event struct {
	ID   int    `json:"id"`
	Kind string `json:"kind"`
}

func main() {
	dec := json.NewDecoder(strings.NewReader(`{"id":1,"kind":"start"}
{"id":2,"kind":"stop"}`))
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	for dec.More() {
		var e Event
		if err := dec.Decode(&e); err != nil {
			fmt.Println("decode:", err)
			return
		}
		e.ID *= 10
		enc.Encode(e)
	}
}
