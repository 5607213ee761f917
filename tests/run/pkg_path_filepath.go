package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	for _, p := range []string{"", ".", "a/b/../c", "/../x", "a//b/./c/", "../../a", "/", "abc/"} {
		fmt.Printf("%q %q %q %q %q\n", path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p+".go"), filepath.Clean(p))
	}
	fmt.Println(path.Join("a", "", "b/", "../c"), filepath.Join("/x", "y", ".."), path.IsAbs("/a"))
	d, f := filepath.Split("dir/sub/file.txt")
	fmt.Println(d, f)
	for _, pr := range [][2]string{{"*.go", "main.go"}, {"a?c", "abc"}, {"[a-c]x", "bx"}, {"[^a]x", "ax"}, {"*", "a/b"}, {"a[", "a"}, {"\\*x", "*x"}} {
		m, err := path.Match(pr[0], pr[1])
		fmt.Println(pr, m, err)
	}
	for _, pr := range [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b/c", "/a/x"}, {"a", "b"}, {"/a", "b"}, {".", "x/y"}} {
		r, err := filepath.Rel(pr[0], pr[1])
		fmt.Println(r, err)
	}
	fmt.Println(filepath.SplitList("/bin:/usr/bin"), filepath.IsLocal("a/../b"), filepath.IsLocal("../b"))

	dir, err := os.MkdirTemp("", "golwalk")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755))
	must(os.Mkdir(filepath.Join(dir, "c"), 0o700))
	must(os.WriteFile(filepath.Join(dir, "a", "one.txt"), []byte("line 1\nline 2\n\nline 4"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "a", "b", "two.go"), []byte("package x\n"), 0o600))
	must(os.WriteFile(filepath.Join(dir, "top.go"), nil, 0o644))
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		name := d.Name()
		if rel == "." {
			name = "(root)"
		}
		fmt.Println("walkdir", rel, d.IsDir(), d.Type(), name)
		if d.Name() == "c" {
			return filepath.SkipDir
		}
		return nil
	})
	fmt.Println(err)
	filepath.Walk(dir, func(p string, info fs.FileInfo, err error) error {
		rel, _ := filepath.Rel(dir, p)
		fmt.Println("walk", rel, info.Mode(), info.Size())
		return nil
	})
	matches, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	for _, m := range matches {
		fmt.Println("glob", filepath.Base(m))
	}
	matches, _ = filepath.Glob(filepath.Join(dir, "*.go"))
	fmt.Println(len(matches), err)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Println(e.Name(), e.IsDir(), info.Mode().Perm(), fs.FormatDirEntry(e))
	}
	file, err := os.Open(filepath.Join(dir, "a", "one.txt"))
	must(err)
	sc := bufio.NewScanner(file)
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	fmt.Println(sc.Err())
	file.Close()
	_, err = os.Stat(filepath.Join(dir, "nope"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, filepath.Base(pe.Path))
	must(os.Rename(filepath.Join(dir, "top.go"), filepath.Join(dir, "moved.go")))
	_, err = os.Lstat(filepath.Join(dir, "moved.go"))
	fmt.Println(err)
	abs, _ := filepath.Abs("x/y")
	wd, _ := os.Getwd()
	fmt.Println(strings.HasPrefix(abs, wd), filepath.Ext("a.tar.gz"))
	fmt.Println(fs.ValidPath("a/b"), fs.ValidPath("/a"), fs.ValidPath("a/../b"), fs.ModeDir|0o755)
}
