// text/template: the builtin functions (and, or, not, len, index, slice,
// print, printf, println, comparisons with Go's rules, html, js,
// urlquery, call), FuncMap functions of common signatures and method
// calls with arguments.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"
)

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "°C" }

type Account struct {
	Owner   string
	Balance int
	Limits  []int
	Codes   map[int]string
	Fn      func(int) int
	T       Temp
	PT      *Temp
	U       uint8
}

func (a Account) Greet(greeting string, times int) string {
	return strings.Repeat(greeting+" "+a.Owner+"! ", times)
}

func (a *Account) Deposit(n int) (int, error) {
	if n < 0 {
		return 0, errors.New("negative deposit")
	}
	return a.Balance + n, nil
}

func (a Account) Explode() string { panic("boom") }

func run(name, text string, data any, funcs template.FuncMap) {
	t := template.New(name)
	if funcs != nil {
		t.Funcs(funcs)
	}
	_, err := t.Parse(text)
	if err != nil {
		fmt.Println("parse error:", err)
		return
	}
	var b strings.Builder
	err = t.Execute(&b, data)
	fmt.Printf("%s: %q", name, b.String())
	if err != nil {
		fmt.Print(" error: ", err)
	}
	fmt.Println()
}

func main() {
	temp := Temp(21.5)
	a := &Account{Owner: "Kim", Balance: 100, Limits: []int{10, 20, 30, 40},
		Codes: map[int]string{1: "one", 2: "two"}, Fn: func(x int) int { return x * 3 }, T: 19, PT: &temp, U: 7}
	run("andor", `{{and 1 "x" .Owner}} {{and 0 "x"}} {{or 0 "" .Owner}} {{or 0 ""}} {{and .Balance .Limits}}`, a, nil)
	run("not", `{{not 0}} {{not .Owner}} {{not .Limits}}`, a, nil)
	run("len", `{{len .Owner}} {{len .Limits}} {{len .Codes}} {{len "héllo"}}`, a, nil)
	run("lenbad", `{{len .Balance}}`, a, nil)
	run("index", `{{index .Limits 2}} {{index .Codes 2}} {{index .Codes 9}} {{index "abc" 1}} {{index .Limits 0}}`, a, nil)
	run("indexmulti", `{{index . 1 0}}`, [][]string{{"a"}, {"b", "c"}}, nil)
	run("indexoob", `{{index .Limits 4}}`, a, nil)
	run("indexoob2", `{{index .Limits 9}}`, a, nil)
	run("indexbad", `{{index .Owner "x"}}`, a, nil)
	run("indexmapkey", `{{index . "k"}}`, map[int]int{1: 1}, nil)
	run("slice", `{{slice .Limits 1 3}} {{slice .Limits 2}} {{slice .Owner 1}} {{slice .Limits}} {{slice .Limits 1 2 3}}`, a, nil)
	run("slicebad", `{{slice .Limits 3 1}}`, a, nil)
	run("print", `{{print "a" 1 2 "b" .Balance}}|{{println "x" 3}}|{{printf "%05.1f|%x|%v" 3.14159 255 .Limits}}`, a, nil)
	run("eq", `{{eq 1 1}} {{eq .Owner "Kim"}} {{eq .Balance 1 2 100}} {{ne 1 2}} {{eq .U 7}} {{eq 1.5 1.5}} {{eq true true}}`, a, nil)
	run("cmp", `{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}} {{lt .U 8}} {{lt -1 .U}}`, a, nil)
	run("eqbad", `{{eq 1 "a"}}`, a, nil)
	run("ltbad", `{{lt true false}}`, a, nil)
	run("eqmissing", `{{eq 1}}`, a, nil)
	run("ltnil", `{{lt .Missing 1}}`, map[string]int{}, nil)
	run("html", `{{html "<a href=\"x\">&'"}} {{"<b>" | html}} {{html 1 "<" 2}}`, nil, nil)
	run("js", `{{js "it's \"q\" <x> & = \\ \n"}} {{js "ü"}}`, nil, nil)
	run("urlquery", `{{urlquery "a b&c=d/é"}} {{urlquery "x" 1}}`, nil, nil)
	run("call", `{{call .Fn 5}} {{call .Fn .Balance}}`, a, nil)
	run("callbad", `{{call .Owner 1}}`, a, nil)
	run("method", `{{.Greet "Hi" 2}}|{{.Deposit 5}}`, a, nil)
	run("methoderr", `{{.Deposit -5}}`, a, nil)
	run("methodpanic", `{{.Explode}}`, a, nil)
	run("methodpipe", `{{2 | .Greet "Yo"}}`, a, nil)
	run("stringer", `{{.T}} {{.PT}} {{printf "%v" .T}} {{print .PT}}`, a, nil)
	run("wrongargs", `{{.Greet "a"}}`, a, nil)
	run("wrongtype", `{{.Greet 1 2}}`, a, nil)

	funcs := template.FuncMap{
		"upper":  strings.ToUpper,
		"repeat": strings.Repeat,
		"add":    func(a, b int) int { return a + b },
		"sum": func(xs ...int) int {
			t := 0
			for _, x := range xs {
				t += x
			}
			return t
		},
		"join":  func(sep string, parts ...string) string { return strings.Join(parts, sep) },
		"half":  func(f float64) float64 { return f / 2 },
		"atoi":  strconv.Atoi,
		"fail":  func() (string, error) { return "", errors.New("it failed") },
		"list":  func(xs ...any) []any { return xs },
		"kind":  func(v any) string { return fmt.Sprintf("%T", v) },
		"dict":  func() map[string]int { return map[string]int{"x": 1, "y": 2} },
		"panic": func() string { panic(errors.New("bad things")) },
		"u8":    func(b uint8) uint8 { return b + 1 },
		"first": func(s []int) int { return s[0] },
	}
	run("funcs", `{{upper "abc"}} {{repeat "ab" 3}} {{add 2 3}} {{sum}} {{sum 1 2 3}} {{join "-" "a" "b" "c"}} {{half 3}} {{half 2.5}}`, nil, funcs)
	run("funcpipe", `{{"x" | upper | printf "<%s>"}} {{3 | add 4}} {{.Limits | first}}`, a, funcs)
	run("funcerr", `{{atoi "12"}} {{atoi "zz"}}`, nil, funcs)
	run("funcerr2", `a{{fail}}b`, nil, funcs)
	run("funcany", `{{kind 1}} {{kind 1.5}} {{kind "s"}} {{kind .}} {{kind nil}} {{list 1 "a" true}}`, a, funcs)
	run("funcmap", `{{range $k, $v := dict}}{{$k}}{{$v}}{{end}} {{(dict).y}}`, nil, funcs)
	run("funcpanic", `{{panic}}`, nil, funcs)
	run("funcargtype", `{{add 1 "2"}}`, nil, funcs)
	run("funcargtype2", `{{add .Owner 2}}`, a, funcs)
	run("funcargcount", `{{add 1}}`, nil, funcs)
	run("funcu8", `{{u8 7}} {{u8 .U}}`, a, funcs)
	run("undefined", `{{nosuch 1}}`, nil, funcs)
	run("parenargs", `{{add (add 1 2) (len .Limits)}}`, a, funcs)
}
