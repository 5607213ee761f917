// 25 filepath parts
package main

import (
	"fmt"
	"path"
	"path/filepath"
)

func main() {
	p := "/home/gopher/projects/app/main.go"
	fmt.Println(filepath.Dir(p), filepath.Base(p), filepath.Ext(p))
	dir, file := filepath.Split(p)
	fmt.Println(dir, file)
	fmt.Println(filepath.Join("a", "b/../c", "/d"), filepath.Clean("a//b/./c/.."))
	rel, err := filepath.Rel("/home/gopher", p)
	fmt.Println(rel, err)
	fmt.Println(path.Match("*.go", "main.go"))
	fmt.Println(filepath.IsAbs(p), filepath.IsAbs("x/y"))
}
