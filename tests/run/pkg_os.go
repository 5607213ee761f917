package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(len(os.Args) >= 1, strings.HasSuffix(os.Args[0], "") )
	fmt.Println(os.Getenv("GOL_SURELY_UNSET_VAR") == "")
	_, ok := os.LookupEnv("GOL_SURELY_UNSET_VAR")
	fmt.Println(ok)
	path := os.TempDir() + "/gol_pkg_os_test.txt"
	err := os.WriteFile(path, []byte("line one\nline two\n"), 0644)
	fmt.Println("write:", err)
	data, err := os.ReadFile(path)
	fmt.Printf("read: %q %v\n", string(data), err)
	fmt.Println(strings.Count(string(data), "\n"))
	_, err = os.ReadFile("/nonexistent/dir/file.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, os.ErrNotExist), os.IsNotExist(err), os.IsExist(err))
	var pe *os.PathError
	if errors.As(err, &pe) {
		fmt.Println("op:", pe.Op, "path:", pe.Path, "err:", pe.Err)
	}
	err = os.WriteFile("/nonexistent/dir/x.txt", nil, 0644)
	fmt.Println(err)
	fmt.Fprintln(os.Stderr, "a line on stderr")
	fmt.Println(os.Stdout.Name(), os.Stderr.Name())
	defer fmt.Println("deferred: not printed")
	os.Exit(3)
}
