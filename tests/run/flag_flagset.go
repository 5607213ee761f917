package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type listValue []string

func (l *listValue) String() string { return strings.Join(*l, ",") }
func (l *listValue) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func parse(args ...string) {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	b := fs.Bool("v", false, "verbose output")
	n := fs.Int("n", 10, "`count` of things")
	i64 := fs.Int64("big", 0, "a big one")
	u := fs.Uint("u", 7, "unsigned")
	u64 := fs.Uint64("u64", 0, "unsigned 64")
	s := fs.String("name", "gopher", "the name\nsecond line")
	f := fs.Float64("ratio", 0.5, "a ratio")
	d := fs.Duration("wait", 1500*time.Millisecond, "how long")
	var lv listValue
	fs.Var(&lv, "item", "repeatable item")
	var seen []string
	fs.Func("fn", "a func flag", func(s string) error {
		if s == "bad" {
			return errors.New("bad value")
		}
		seen = append(seen, s)
		return nil
	})
	fs.BoolFunc("bf", "a bool func flag", func(s string) error {
		seen = append(seen, "bf="+s)
		return nil
	})
	err := fs.Parse(args)
	fmt.Printf("args=%q err=%v parsed=%v\n", args, err, fs.Parsed())
	fmt.Printf("  v=%v n=%d big=%d u=%d u64=%d name=%q ratio=%v wait=%v item=%v seen=%v\n", *b, *n, *i64, *u, *u64, *s, *f, *d, lv, seen)
	fmt.Printf("  NArg=%d Args=%q Arg0=%q Arg9=%q NFlag=%d\n", fs.NArg(), fs.Args(), fs.Arg(0), fs.Arg(9), fs.NFlag())
	fs.Visit(func(fl *flag.Flag) { fmt.Printf("  set %s=%s\n", fl.Name, fl.Value) })
	if out.Len() > 0 {
		fmt.Printf("  output:\n%s", out.String())
	}
}

func main() {
	parse()
	parse("-v", "-n", "3", "--name=bob", "rest", "-x")
	parse("-n=0x10", "-big", "-9000000000", "-u", "3", "-u64=18446744073709551615", "-ratio", "1e3", "--", "-v")
	parse("-wait", "2h3m4.5s", "-item", "a", "-item", "b", "-fn", "x", "-bf", "-bf=false", "-")
	parse("-v=false", "-wait=300ms", "-wait=1.5us")
	parse("-x")
	parse("-n", "abc")
	parse("-n", "99999999999999999999")
	parse("-v=maybe")
	parse("-n")
	parse("---n")
	parse("-=x")
	parse("-fn", "bad")
	parse("-wait", "3 parsecs")
	parse("-h")
	parse("-help")
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	fs.Int("k", 0, "k")
	fmt.Println(fs.Parse([]string{"-q"}))
	fmt.Println(fs.Set("k", "5"), fs.Set("zz", "1"), fs.Lookup("k").Value, fs.Lookup("zz") == nil)
	name, usage := flag.UnquoteUsage(fs.Lookup("k"))
	fmt.Printf("%q %q %q %v\n", name, usage, fs.Name(), fs.ErrorHandling())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fs.Int("k", 1, "again")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fs.Int("-k", 1, "dash")
	}()
	pfs := flag.NewFlagSet("p", flag.PanicOnError)
	pfs.SetOutput(os.Stdout)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		pfs.Parse([]string{"-nope"})
	}()
	var wait time.Duration
	for _, w := range []string{"0", "1ns", "1.000001ms", "-3h", "1h0m0.5s", "2562047h47m16.854775807s", "2562047h47m16.854775808s", ".5s", "5.s", "1m1", "+3m", "1d"} {
		dfs := flag.NewFlagSet("d", flag.ContinueOnError)
		dfs.SetOutput(&strings.Builder{})
		dfs.DurationVar(&wait, "d", 0, "")
		err := dfs.Parse([]string{"-d", w})
		fmt.Println(w, int64(wait), wait, dfs.Lookup("d").Value, err)
	}
}
