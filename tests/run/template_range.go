// text/template: range over slices, arrays, maps (keys sorted), integers
// and channels, with one and two variables, else, break and continue.
package main

import (
	"fmt"
	"strings"
	"text/template"
)

type Row struct {
	Name string
	N    int
}

func run(name, text string, data any) {
	t, err := template.New(name).Parse(text)
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
	rows := []Row{{"a", 1}, {"b", 2}, {"c", 3}}
	run("slice", `{{range .}}{{.Name}}={{.N}};{{end}}`, rows)
	run("idx", `{{range $i, $r := .}}{{$i}}:{{$r.Name}} {{end}}`, rows)
	run("one", `{{range $r := .}}{{$r.N}}{{end}}`, rows)
	run("array", `{{range $i, $v := .}}[{{$i}}]{{$v}}{{end}}`, [3]string{"x", "y", "z"})
	run("emptyelse", `{{range .}}x{{else}}empty{{end}}`, []int{})
	run("nilelse", `{{range .}}x{{else}}nil{{end}}`, nil)
	run("mapsorted", `{{range $k, $v := .}}{{$k}}={{$v}} {{end}}`, map[string]int{"pear": 3, "apple": 1, "fig": 2})
	run("mapint", `{{range $k, $v := .}}{{$k}}:{{$v}} {{end}}`, map[int]string{10: "ten", -1: "neg", 3: "three"})
	run("mapvals", `{{range .}}{{.}} {{end}}`, map[string]bool{"b": false, "a": true})
	run("mapempty", `{{range .}}x{{else}}no entries{{end}}`, map[string]int{})
	run("int", `{{range 4}}{{.}}{{end}} {{range $i := 3}}<{{$i}}>{{end}}`, nil)
	run("intzero", `{{range 0}}x{{else}}zero{{end}}`, nil)
	run("int2", `{{range $i, $v := 3}}{{end}}`, nil)
	run("break", `{{range .}}{{if eq .N 2}}{{break}}{{end}}{{.Name}}{{end}}`, rows)
	run("continue", `{{range .}}{{if eq .N 2}}{{continue}}{{end}}{{.Name}}{{end}}`, rows)
	run("nested", `{{range $i, $r := .}}{{range $j, $s := $}}{{if lt $i $j}}{{$r.Name}}{{$s.Name}} {{end}}{{end}}{{end}}`, rows)
	run("assign", `{{$last := ""}}{{range .}}{{$last = .Name}}{{end}}{{$last}}`, rows)
	run("rangeassign", `{{$i := 0}}{{$v := 0}}{{range $i, $v = .}}{{end}}{{$i}}-{{$v.Name}}`, rows)
	run("string", `{{range .}}{{.}}{{end}}`, "abc")
	run("scope", `{{range $x := .}}{{$x}}{{end}}{{$x}}`, []int{1})

	ch := make(chan int, 3)
	ch <- 5
	ch <- 6
	ch <- 7
	close(ch)
	run("chan", `{{range $i, $v := .}}{{$i}}={{$v}} {{end}}`, ch)
	ch2 := make(chan string, 1)
	close(ch2)
	run("chanempty", `{{range .}}x{{else}}closed{{end}}`, ch2)
	ch3 := make(chan string, 2)
	ch3 <- "p"
	ch3 <- "q"
	close(ch3)
	var ro <-chan string = ch3
	run("chanro", `{{range .}}{{.}}{{end}}`, ro)
	run("bad", `{{range .}}{{end}}`, 3.5)
	run("ptrslice", `{{range .}}{{.}}{{end}}`, &[]int{7, 8})
	run("sliceofmaps", `{{range .}}{{.k}}{{end}}`, []map[string]int{{"k": 1}, {"k": 2}})
}
