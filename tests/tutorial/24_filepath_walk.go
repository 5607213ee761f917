// 24 filepath walk
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	root, _ := os.MkdirTemp("", "walk")
	defer os.RemoveAll(root)
	for _, p := range []string{"src/main.go", "src/util/util.go", "docs/README.md", "go.mod"} {
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(p), 0o644)
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			fmt.Println("dir ", rel)
		} else {
			fmt.Println("file", rel, filepath.Ext(path))
		}
		return nil
	})
	matches, _ := filepath.Glob(filepath.Join(root, "src", "*.go"))
	for _, m := range matches {
		fmt.Println("glob:", filepath.Base(m))
	}
}
