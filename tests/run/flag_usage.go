package main

// A program's own flag.Usage replaces the message printed on a parse
// error; ExitOnError exits with status 2 after it.

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	flag.Int("n", 1, "a number")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: prog [-n N] files...")
	}
	os.Args = []string{"prog", "-n", "many"}
	defer fmt.Println("deferred calls do not run on exit")
	flag.Parse()
}
