// text/template: Go's messages for parse errors (template: name:line:
// msg) and execution errors (template: name:line:col: executing "name"
// at <node>: msg).
package main

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
)

type T struct {
	A     int
	Inner *T
	M     map[string]int
	f     string
}

func (t T) Method() string { return "m" }

func parse(name, text string) {
	_, err := template.New(name).Parse(text)
	fmt.Printf("%s: %v\n", name, err)
}

func exec(name, text string, data any) {
	t, err := template.New(name).Parse(text)
	if err != nil {
		fmt.Println("unexpected parse error:", err)
		return
	}
	var b strings.Builder
	err = t.Execute(&b, data)
	var ee template.ExecError
	fmt.Printf("%s: %q %v (ExecError: %v)\n", name, b.String(), err, errors.As(err, &ee))
}

func main() {
	parse("unclosed", "a {{ .X ")
	parse("unclosed2", "line1\nline2 {{ if .X }}\nmore")
	parse("eof", "{{if .X}}a")
	parse("end", "a{{end}}")
	parse("else", "{{else}}")
	parse("nofunc", "{{foo 1}}")
	parse("undefvar", "{{$x}}")
	parse("missing", "{{}}")
	parse("missingpipe", "{{.A |}}")
	parse("badpipe", "{{.A | 3}}")
	parse("unterminated", `{{"abc}}`)
	parse("rawunterminated", "{{`abc}}")
	parse("badchar", "{{.A #}}")
	parse("badnum", "{{3x}}")
	parse("rparen", "{{ ) }}")
	parse("lparen", "{{ ( .A }}")
	parse("colon", "{{$x : 3}}")
	parse("comment", "{{/* abc }}")
	parse("comment2", "{{/* abc */ x}}")
	parse("define", `{{define "a"}}x{{end}}{{define "a"}}y{{end}}`)
	parse("definename", `{{define a}}x{{end}}`)
	parse("break", "{{break}}")
	parse("continue", "{{if 1}}{{continue}}{{end}}")
	parse("rangevars", "{{range $a, $b, $c := .}}{{end}}")
	parse("rangevars2", "{{range $a, 3}}{{end}}")
	parse("withvars", "{{with $a, $b := .}}{{end}}")
	parse("afterterm", `{{"x".Y}}`)
	parse("nilcmd", "{{nil}}")
	parse("elseend", "{{range .}}{{else}}{{else}}{{end}}")
	parse("template", "{{template .X}}")
	parse("char", "{{'ab'}}")
	parse("overflow", "{{99999999999999999999}}")
	parse("multiline", "a\nb\nc {{.A}}\n{{.B | }}")
	parse("elseonly", "{{if 1}}{{else if}}{{end}}")
	parse("extraend", "{{end x}}")
	parse("ok", "{{.A}}")

	exec("field", "{{.Foo}}", T{})
	exec("fieldptr", "x\n  {{.A}} {{.Inner.A}}", &T{})
	exec("unexported", "{{.f}}", T{})
	exec("nilptr", "{{.Inner.Inner.A}}", T{Inner: &T{}})
	exec("mapmissing", "{{.M.x}}|{{.M.x.y}}", T{})
	exec("notmethod", "{{.A 1}}", T{})
	exec("methodargs", "{{.Method 1}}", T{})
	exec("nonfunc", `{{"x" 1}}`, nil)
	exec("intfield", "{{.A.B}}", T{A: 1})
	exec("notdefined", `{{template "nope"}}`, nil)
	exec("ifbad", "{{if .}}x{{end}}", make(chan int))
	exec("printfunc", "{{.}}", func() {})
	exec("empty", "", nil)
	exec("long", "{{.AVeryLongFieldNameIndeed.AndMore}}", T{})
	exec("percent", "{{.X}}", map[string]map[string]int{})
	exec("nilcommand", "{{.A | not | not}}", nil)
	exec("varfield", "{{$x := .}}{{$x.Nope}}", T{})
	exec("chainnil", "{{(.Inner).A}}", T{})

	t := template.New("empty")
	err := t.Execute(&strings.Builder{}, nil)
	fmt.Println(err)
	err = template.Must(template.New("x").Parse("x")).ExecuteTemplate(&strings.Builder{}, "y", nil)
	fmt.Println(err)

	defer func() { fmt.Println("recovered:", recover()) }()
	template.Must(template.New("must").Parse("{{.A"))
}
