// text/template: dot, fields through pointers and embedded structs, map
// keys, pipelines, variables, if/else if/else, with/else, comments and
// whitespace trimming.
package main

import (
	"fmt"
	"strings"
	"text/template"
)

type Address struct {
	City string
	Zip  *string
}

type Base struct {
	ID   int
	Kind string
}

type Person struct {
	Base
	Name    string
	Age     int
	Home    *Address
	Work    Address
	Friends []string
	Attrs   map[string]any
	private int
	Score   float64
	OK      bool
	Any     any
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
	zip := "75001"
	p := &Person{
		Base:    Base{ID: 42, Kind: "human"},
		Name:    "Ada",
		Age:     36,
		Home:    &Address{City: "Paris", Zip: &zip},
		Work:    Address{City: "Lyon"},
		Friends: []string{"Bob", "Cy"},
		Attrs:   map[string]any{"lang": "go", "n": 3, "nested": map[string]int{"x": 1}, "nil": nil},
		Score:   9.5,
		OK:      true,
		Any:     []int{1, 2},
	}
	run("dot", "{{.}}", 17)
	run("dotstr", "<{{.}}>", "hello")
	run("dotslice", "{{.}}", []string{"a", "b"})
	run("dotmap", "{{.}}", map[string]int{"b": 2, "a": 1})
	run("field", "{{.Name}} is {{.Age}}", p)
	run("nested", "{{.Home.City}} {{.Home.Zip}} {{.Work.City}} {{.Work.Zip}}", p)
	run("embedded", "{{.ID}} {{.Kind}} {{.Base.ID}}", p)
	run("value", "{{.Name}}", *p)
	run("mapkey", "{{.Attrs.lang}} {{.Attrs.n}} {{.Attrs.nested.x}} {{.Attrs.missing}} {{.Attrs.nil}}", p)
	run("topmap", "{{.a}}-{{.b}}", map[string]string{"a": "A", "b": "B"})
	run("pipeline", `{{.Name | printf "%q"}} {{.Age | printf "%d-%s" "x" | printf "%s!"}}`, p)
	run("vars", `{{$n := .Name}}{{$a := .Age}}{{$n}}/{{$a}}{{$n = "Eve"}} {{$n}} {{$.Name}}`, p)
	run("dollar", `{{with .Home}}{{.City}} of {{$.Name}}{{end}}`, p)
	run("if", `{{if .OK}}yes{{end}} {{if .private}}p{{else}}no{{end}}`, *p)
	run("elseif", `{{if gt .Age 60}}old{{else if gt .Age 30}}middle{{else}}young{{end}}`, p)
	run("with", `{{with .Home}}{{.City}}{{else}}homeless{{end}} {{with .Attrs.missing}}x{{else}}none{{end}}`, p)
	run("elsewith", `{{with .Attrs.missing}}a{{else with .Attrs.lang}}b={{.}}{{else}}c{{end}}`, p)
	run("truth", `{{if .Friends}}f{{end}}{{if .Attrs}}m{{end}}{{if .Score}}s{{end}}{{if .Home}}h{{end}}{{if ""}}e{{end}}{{if 0}}z{{end}}{{if .Work}}w{{end}}`, p)
	run("comment", "a{{/* a comment */}}b{{- /* trimmed */ -}} c", nil)
	run("trim", "x  {{- 1 -}}  \n y {{2 -}}\n\n z", nil)
	run("trimleft", "a \n\t{{- .}}|", "v")
	run("constants", `{{1}} {{1.5}} {{1e3}} {{0x10}} {{'a'}} {{"s"}} {{true}} {{-3}} {{0b101}} {{1_000}}`, nil)
	run("raw", "{{`raw \\n`}}", nil)
	run("any", "{{.Any}} {{len .Any}}", p)
	run("paren", `{{(printf "%d" 3)}} {{(.Home).City}}`, p)
	run("nodata", "{{.Name}}", nil)
	run("nilptr", "{{.}}", (*Person)(nil))
	run("parenvar", `{{$x := .Home}}{{$x.City}} {{($x).City}}`, p)
	run("multiline", "line1\n{{.Name}}\n{{if .OK}}\n  ok\n{{- end}}\n", p)
	run("delimsinstr", `{{"{{" }} {{ "}}" }}`, nil)
}
