// Files: MkdirAll, Create, writing, Close twice, Open and a Scanner over
// the file, EOF, a missing file, Remove, Setenv/Unsetenv, O_APPEND.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	base := os.TempDir() + "/gol-files-test-" + fmt.Sprint(os.Getpid())
	fmt.Println(os.MkdirAll(base+"/a/b/c", 0755), os.MkdirAll(base+"/a/b/c", 0755))
	f, err := os.Create(base + "/a/b/c/hello.txt")
	fmt.Println(err)
	fmt.Fprintln(f, "line one")
	fmt.Fprintln(f, "line two")
	fmt.Println(f.Close(), f.Close() != nil)
	_, err = f.Write([]byte("x"))
	fmt.Println(err != nil, errors.Is(err, os.ErrClosed))
	f, err = os.Open(base + "/a/b/c/hello.txt")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println("read:", sc.Text())
	}
	n, err := f.Read(make([]byte, 4))
	fmt.Println(n, err == io.EOF)
	f.Close()
	_, err = os.Open(base + "/missing")
	fmt.Println(err != nil, errors.Is(err, os.ErrNotExist))
	fmt.Println(os.Remove(base+"/a/b/c/hello.txt"), os.Remove(base+"/a/b/c"))
	err = os.Remove(base + "/a")
	fmt.Println(err != nil)
	fmt.Println(os.Setenv("GOL_X", "42"), os.Getenv("GOL_X"), os.Setenv("", "x"))
	os.Unsetenv("GOL_X")
	_, ok := os.LookupEnv("GOL_X")
	fmt.Println(ok)
	f, err = os.OpenFile(base+"/app.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0644)
	fmt.Fprint(f, "a")
	f.Close()
	f, _ = os.OpenFile(base+"/app.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0644)
	fmt.Fprint(f, "b")
	f.Close()
	b, _ := os.ReadFile(base + "/app.log")
	fmt.Println(string(b))
	for _, p := range []string{"/app.log", "/a/b", "/a", ""} {
		if err := os.Remove(base + p); err != nil {
			fmt.Println(err)
		}
	}
}
