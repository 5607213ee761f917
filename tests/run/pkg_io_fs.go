package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	dir, _ := os.MkdirTemp("", "fs1")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "x.txt"), []byte("hello\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "b", "y.go"), []byte("package y\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "top.md"), []byte("# top"), 0o644)
	fsys := os.DirFS(dir)
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Println(p, d.IsDir(), d.Name())
		return nil
	})
	b, err := fs.ReadFile(fsys, "a/x.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = fs.ReadFile(fsys, "nope.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
	_, err = fs.ReadFile(fsys, "../etc/passwd")
	fmt.Println(err)
	ents, err := fs.ReadDir(fsys, "a")
	for _, e := range ents {
		fmt.Println(e.Name(), e.IsDir())
	}
	fi, err := fs.Stat(fsys, "top.md")
	fmt.Println(fi.Name(), fi.Size(), fi.IsDir(), err)
	m, err := fs.Glob(fsys, "*/*.txt")
	fmt.Println(m, err)
	m, err = fs.Glob(fsys, "a/*/*.go")
	fmt.Println(m, err)
	_, err = fs.Glob(fsys, "[")
	fmt.Println(err)
	sub, err := fs.Sub(fsys, "a")
	fmt.Println(err)
	b, err = fs.ReadFile(sub, "b/y.go")
	fmt.Printf("%q %v\n", b, err)
	_, err = fs.ReadFile(sub, "zz")
	fmt.Println(err)
	m, _ = fs.Glob(sub, "*")
	fmt.Println(m)
	f, err := fsys.Open("top.md")
	buf := make([]byte, 3)
	n, _ := f.Read(buf)
	fmt.Println(n, string(buf[:n]))
	f.Close()
	fs.WalkDir(fsys, "a", func(p string, d fs.DirEntry, err error) error {
		if d.IsDir() && d.Name() == "b" {
			return fs.SkipDir
		}
		fmt.Println("walk", p)
		return nil
	})
	err = fs.WalkDir(fsys, "missing", func(p string, d fs.DirEntry, err error) error {
		fmt.Println("cb", p, d == nil, err)
		return err
	})
	fmt.Println(err)
	_, err = fs.Sub(fsys, "/abs")
	fmt.Println(err)
	_, err = fs.ReadLink(fsys, "top.md")
	fmt.Println(err != nil)
	fi, err = fs.Lstat(fsys, "a")
	fmt.Println(fi.IsDir(), err)
}
