// 06 json dynamic
package main

import (
	"encoding/json"
	"fmt"
	"sort"
)

func main() {
	var v any
	json.Unmarshal([]byte(`{"users":[{"name":"ann","admin":true},{"name":"bob","score":9.5}],"total":2}`), &v)
	m := v.(map[string]any)
	fmt.Println("total:", m["total"].(float64))
	for _, u := range m["users"].([]any) {
		user := u.(map[string]any)
		keys := make([]string, 0, len(user))
		for k := range user {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("%s=%v (%T) ", k, user[k], user[k])
		}
		fmt.Println()
	}
}
