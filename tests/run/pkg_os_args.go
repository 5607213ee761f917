package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(len(os.Args))
	fmt.Println(strings.HasSuffix(os.Args[0], "pkg_os_args") || strings.HasSuffix(os.Args[0], ".go") || strings.HasSuffix(os.Args[0], "prog"))
	fmt.Println(len(os.Environ()) > 0, os.Getpid() > 0)
	n, err := fmt.Fprintf(os.Stdout, "%s\n", "direct")
	fmt.Println(n, err)
	defer fmt.Println("deferred runs before exit? no")
	if len(os.Args) < 5 {
		fmt.Fprintln(os.Stderr, "usage: pkg_os_args a b c d")
		os.Exit(2)
	}
}
