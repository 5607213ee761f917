package main

// A program that imports flag but only makes its own FlagSet: the
// package still initializes (its init sets CommandLine.Usage, so
// CommandLine and the os.Args it is made from must be initialized too).


import (
	"flag"
	"fmt"
)

func main() {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	n := fs.Int("n", 1, "")
	fmt.Println(fs.Parse([]string{"-n", "5"}), *n)
}
