package main

// -h (not defined by the program) prints the usage message on stderr
// and exits with status 0; an -h the program defines is an ordinary
// flag.

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	fs := flag.NewFlagSet("inner", flag.ContinueOnError)
	h := fs.Bool("h", false, "my own h")
	fmt.Println(fs.Parse([]string{"-h", "x"}), *h, fs.Args())

	flag.Int("n", 1, "a `number`")
	flag.String("s", "", "a string")
	os.Args = []string{"prog", "-n", "2", "-help", "-s", "x"}
	flag.Parse()
	fmt.Println("not reached")
}
