package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := ioutil.TempDir("", "ioutil-test")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	for _, n := range []string{"b.txt", "a.txt", "c.log"} {
		if err := ioutil.WriteFile(filepath.Join(dir, n), []byte("contents of "+n+"\n"), 0o644); err != nil {
			panic(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		panic(err)
	}
	infos, err := ioutil.ReadDir(dir)
	if err != nil {
		panic(err)
	}
	for _, fi := range infos {
		if fi.IsDir() {
			// A directory's size is the file system's.
			fmt.Println(fi.Name(), "dir")
			continue
		}
		fmt.Println(fi.Name(), fi.Size(), fi.Mode())
	}
	b, err := ioutil.ReadFile(filepath.Join(dir, "a.txt"))
	fmt.Printf("%q %v\n", b, err)
	_, err = ioutil.ReadFile(filepath.Join(dir, "missing"))
	fmt.Println(os.IsNotExist(err))
	all, _ := ioutil.ReadAll(ioutil.NopCloser(strings.NewReader("read all of this")))
	fmt.Println(string(all))
	n, _ := fmt.Fprint(ioutil.Discard, "gone")
	fmt.Println("discarded", n)
	f, err := ioutil.TempFile(dir, "tmp*.dat")
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(filepath.Base(f.Name()), "tmp"), strings.HasSuffix(f.Name(), ".dat"))
	f.Close()
	_, err = ioutil.ReadDir(filepath.Join(dir, "nope"))
	fmt.Println(err != nil)
}
