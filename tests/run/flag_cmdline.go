package main

// The command line's flags: flag.Parse reads os.Args when it is called,
// so the program sets them; an undefined flag prints Go's error and the
// usage message (after os.Args[0]) on stderr and exits with status 2.

import (
	"flag"
	"fmt"
	"os"
)

var (
	count = flag.Int("count", 3, "how many `times` to greet")
	greet = flag.String("greet", "hello", "the greeting")
	loud  = flag.Bool("loud", false, "shout")
	x     = flag.Float64("x", 0, "x coordinate")
	delay = flag.Duration("delay", 0, "pause between greetings")
	n64   flag.Getter
)

func main() {
	var level uint64
	flag.Uint64Var(&level, "level", 2, "log level")
	os.Args = []string{"greeter", "-count", "2", "-loud", "--greet=hi", "-level=5", "world", "-x", "1"}
	fmt.Println(flag.Parsed())
	flag.Parse()
	fmt.Println(flag.Parsed(), *count, *greet, *loud, *x, int64(*delay), level)
	fmt.Println(flag.NArg(), flag.Args(), flag.Arg(0), flag.Arg(1), flag.NFlag())
	flag.Visit(func(f *flag.Flag) { fmt.Println("set:", f.Name, f.Value, f.DefValue) })
	flag.VisitAll(func(f *flag.Flag) { fmt.Println("all:", f.Name, f.Value, f.Usage) })
	n64 = flag.Lookup("count").Value.(flag.Getter)
	fmt.Println(n64.Get(), flag.Lookup("nope") == nil, flag.Set("x", "2.5"), *x, flag.NFlag())
	flag.PrintDefaults()
	os.Args = []string{"greeter", "-count", "1", "-bogus", "-loud"}
	flag.Parse()
	fmt.Println("not reached")
}
