// 03 json unmarshal
package main

import (
	"encoding/json"
	"fmt"
)

type Config struct {
	Name    string            `json:"name"`
	Port    int               `json:"port"`
	Debug   bool              `json:"debug"`
	Servers []string          `json:"servers"`
	Limits  map[string]int    `json:"limits"`
}

func main() {
	input := `{"name":"api","port":8080,"debug":true,"servers":["a","b"],"limits":{"rps":100,"burst":20}}`
	var c Config
	if err := json.Unmarshal([]byte(input), &c); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("%+v\n", c)
	fmt.Println(c.Limits["rps"], len(c.Servers))
}
