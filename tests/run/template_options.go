// text/template: Option("missingkey=..."), IsTrue, the escaper
// functions, Funcs checks, Must panics.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

func main() {
	data := map[string]any{"a": 1, "inner": map[string]int{"x": 5}}
	for _, opt := range []string{"missingkey=default", "missingkey=invalid", "missingkey=zero", "missingkey=error"} {
		t := template.Must(template.New("m").Option(opt).Parse("{{.a}} {{.b}} {{.inner.x}} {{.inner.y}}\n"))
		var b strings.Builder
		err := t.Execute(&b, data)
		fmt.Printf("%s: %q %v\n", opt, b.String(), err)
	}
	t := template.Must(template.New("n").Option("missingkey=error").Parse("{{.x}}"))
	fmt.Println(t.Execute(os.Stdout, nil))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		template.New("o").Option("missingkey=bogus")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		template.New("o").Option("color=red")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		template.New("f").Funcs(template.FuncMap{"x": 3})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		template.New("f").Funcs(template.FuncMap{"bad name": strings.ToUpper})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		template.New("f").Funcs(template.FuncMap{"two": func() (int, int) { return 1, 2 }})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		template.New("f").Funcs(template.FuncMap{"none": func() {}})
	}()

	for _, v := range []any{nil, 0, 1, "", "x", []int{}, []int{1}, map[string]int{}, (*int)(nil), new(int), struct{}{}, 0.0, false, true} {
		tr, ok := template.IsTrue(v)
		fmt.Print(tr, ok, " ")
	}
	fmt.Println()
	fmt.Println(template.HTMLEscapeString(`<a href="x">'&'</a>`))
	fmt.Println(template.JSEscapeString(`it's "x" <y> & z=1`))
	fmt.Println(template.HTMLEscaper("a<b", 3), template.JSEscaper("'", 1), template.URLQueryEscaper("a b", "&"))
	template.HTMLEscape(os.Stdout, []byte("<&>\n"))
	template.JSEscape(os.Stdout, []byte("\"\\\n"))
	fmt.Println()

	// break and continue are function names when defined as functions.
	bt := template.Must(template.New("b").Funcs(template.FuncMap{"break": func() string { return "BRK" }}).Parse("{{break}}"))
	bt.Execute(os.Stdout, nil)
	fmt.Println()
}
