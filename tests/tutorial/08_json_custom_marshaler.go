// 08 json custom marshaler
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Status int

const (
	Active Status = iota
	Inactive
)

func (s Status) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"active", "inactive"}[s])
}

func (s *Status) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	switch strings.ToLower(str) {
	case "active":
		*s = Active
	case "inactive":
		*s = Inactive
	default:
		return fmt.Errorf("unknown status %q", str)
	}
	return nil
}

type Account struct {
	User   string `json:"user"`
	Status Status `json:"status"`
}

func main() {
	b, _ := json.Marshal(Account{"ann", Inactive})
	fmt.Println(string(b))
	var a Account
	fmt.Println(json.Unmarshal([]byte(`{"user":"bob","status":"ACTIVE"}`), &a), a)
	fmt.Println(json.Unmarshal([]byte(`{"user":"bob","status":"gone"}`), &a))
}
