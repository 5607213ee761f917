// 40 struct tags config
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

type Database struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Password string `json:"-"`
}

type Settings struct {
	AppName  string            `json:"app_name"`
	Version  string            `json:"version,omitempty"`
	Database Database          `json:"database"`
	Features map[string]bool   `json:"features"`
	Timeouts []float64         `json:"timeouts"`
}

func main() {
	dir, _ := os.MkdirTemp("", "cfg")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "settings.json")
	s := Settings{AppName: "shop", Database: Database{"localhost", 5432, "secret"}, Features: map[string]bool{"beta": true, "dark": false}, Timeouts: []float64{0.5, 1, 2.25}}
	data, _ := json.MarshalIndent(s, "", "  ")
	os.WriteFile(path, data, 0o644)
	raw, _ := os.ReadFile(path)
	fmt.Println(string(raw))
	var loaded Settings
	if err := json.Unmarshal(raw, &loaded); err != nil {
		panic(err)
	}
	fmt.Printf("%+v\n", loaded)
}
