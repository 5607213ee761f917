// 05 json indent
package main

import (
	"encoding/json"
	"fmt"
)

func main() {
	data := map[string]any{
		"name":    "gopher",
		"age":     13,
		"langs":   []string{"go", "c"},
		"address": map[string]string{"city": "Mountain View"},
	}
	out, _ := json.MarshalIndent(data, "", "    ")
	fmt.Println(string(out))
}
