// Directories: MkdirTemp, MkdirAll, Stat and Lstat (size, mode, IsDir,
// FileMode.String), File.Stat, ReadDir sorted by name, RemoveAll, and the
// errors of a missing path.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	dir, err := os.MkdirTemp("", "gol-dirs-*")
	fmt.Println(err, strings.Contains(dir, "gol-dirs-"))
	os.MkdirAll(dir+"/b/c", 0750)
	os.WriteFile(dir+"/a.txt", []byte("hello"), 0640)
	os.WriteFile(dir+"/b/z.txt", []byte("1234567890"), 0600)
	os.Mkdir(dir+"/d", 0755)

	fi, err := os.Stat(dir + "/a.txt")
	fmt.Println(err, fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), fi.Mode().IsRegular(), fi.Mode().Perm())
	fmt.Println(time.Since(fi.ModTime()) < time.Hour)
	fi, _ = os.Stat(dir + "/b/")
	fmt.Println(fi.Name(), fi.IsDir(), fi.Mode(), fi.Mode().Type() == os.ModeDir)
	fi, _ = os.Lstat(dir + "/b/c")
	fmt.Println(fi.Name(), fi.Mode().String())

	f, _ := os.Open(dir + "/b/z.txt")
	fi, err = f.Stat()
	fmt.Println(err, fi.Name(), fi.Size())
	f.Close()
	_, err = f.Stat()
	fmt.Println(errors.Is(err, os.ErrClosed))

	entries, err := os.ReadDir(dir)
	fmt.Println(len(entries), err)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Println(" ", e.Name(), e.IsDir(), e.Type(), info.Size() > 0 || e.IsDir(), e)
	}
	_, err = os.ReadDir(dir + "/missing")
	fmt.Println(errors.Is(err, os.ErrNotExist), strings.HasPrefix(err.Error(), "open "))
	_, err = os.Stat(dir + "/missing")
	fmt.Println(os.IsNotExist(err), strings.HasPrefix(err.Error(), "stat "), strings.HasSuffix(err.Error(), "no such file or directory"))

	fmt.Println(os.RemoveAll(dir), os.RemoveAll(dir))
	_, err = os.Stat(dir)
	fmt.Println(os.IsNotExist(err))
	fmt.Println(os.FileMode(0755|os.ModeDir), os.FileMode(0644), os.FileMode(0)|os.ModeSymlink|0777)
}
