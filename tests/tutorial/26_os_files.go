// 26 os files
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	dir, _ := os.MkdirTemp("", "files")
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(name, []byte("first\n"), 0o600); err != nil {
		panic(err)
	}
	f, _ := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("second\n")
	f.Close()
	data, _ := os.ReadFile(name)
	fmt.Print(string(data))
	info, _ := os.Stat(name)
	fmt.Println(info.Name(), info.Size(), info.Mode(), info.IsDir())
	os.Rename(name, filepath.Join(dir, "renamed.txt"))
	_, err := os.Stat(name)
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println("entry:", e.Name(), e.IsDir())
	}
}
