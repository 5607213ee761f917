package main

// flag.CommandLine.Usage is set at initialization (it calls flag.Usage,
// which the program may replace), also when the program parses
// CommandLine itself.


import (
	"flag"
	"fmt"
	"os"
)

func main() {
	flag.Bool("q", false, "quiet")
	flag.CommandLine.SetOutput(os.Stdout)
	os.Args[0] = "prog"
	flag.CommandLine.Usage()
	flag.Usage = func() { fmt.Println("custom usage") }
	fmt.Println(flag.CommandLine.Parse([]string{"-zz"}))
}
