// text/template on harder values: recursion limits, nil embedded
// pointers, methods of named types, variadic calls, map keys of several
// types (converted as Go converts them), comparisons of structs, arrays,
// pointers and incomparable values, the call builtin's argument checks.
package main

import (
	"fmt"
	"strings"
	"text/template"
)

type S struct {
	A int
	p *S
}

type Str string

func (s Str) Up() Str { return s + "!" }

type Wrap struct{ V Str }

type Emb struct{ *S }

type Cyc struct{ Next any }

func run(name, text string, data any) {
	t, err := template.New(name).Funcs(template.FuncMap{"id": func(v any) any { return v }, "f2": func(a int, b ...string) string { return fmt.Sprint(a, b) }}).Parse(text)
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
	run("rec", `{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`, nil)
	run("nilemb", `{{.A}}`, Emb{})
	run("method on named", `{{.V.Up}} {{.V.Up.Up}}`, Wrap{"x"})
	run("idnil", `{{id nil}} {{id .}}`, nil)
	run("variadic", `{{f2 1}} {{f2 1 "a" "b"}} {{f2 1 2}}`, nil)
	run("chanprint", `{{.}}`, make(chan int))
	run("deep", strings.Repeat("(", 50)+"1"+strings.Repeat(")", 50), nil)
	run("deepparse", "{{"+strings.Repeat("(", 50)+"1"+strings.Repeat(")", 50)+"}}", nil)
	run("ptrptr", `{{.A}}`, func() **S { s := &S{A: 3}; return &s }())
	run("utf8", `{{"héllo" | printf "%s"}} {{index "é" 0}} {{slice "héllo" 1 3}}`, nil)
	run("bad utf8 in action", "{{ é }}", nil)
	run("unicode ident", "{{.Ä}}", map[string]int{"Ä": 1})
	run("mapintkey", `{{index . 2}} {{index . 9}}`, map[int64]string{2: "two"})
	run("mapfield bad key", `{{.x}}`, map[int]string{1: "a"})
	run("big", `{{index . 18446744073709551615}}`, []int{1})
	run("neg", `{{index . -1}}`, []int{1})
	run("uint idx", `{{index .A .B}}`, map[string]any{"A": []string{"a", "b"}, "B": uint8(1)})
	run("float key", `{{index . 1.5}}`, map[float64]string{1.5: "x"})
	run("iface key", `{{index . "a"}} {{index . 1}}`, map[any]string{"a": "A", 1: "one"})
	run("struct truth", `{{if .}}t{{end}}`, struct{}{})
	run("eq nil", `{{eq . nil}}`, nil)
	run("eq ptr", `{{eq .A .A}} {{eq .A .B}}`, map[string]*int{"A": new(int), "B": new(int)})
	run("eq struct", `{{eq . .}}`, S{})
	run("len nil", `{{len .}}`, nil)
	run("len ptr", `{{len .}}`, &[]int{1, 2})
	run("slice3 string", `{{slice "abc" 1 2 3}}`, nil)
	run("slice arr", `{{slice . 1}}`, [3]int{1, 2, 3})
	run("call nil", `{{call .}}`, nil)
	run("call wrong", `{{call . 1 2}}`, func(int) int { return 1 })
	run("call variadic", `{{call . 1 2}}`, func(a ...int) int { return len(a) })
	run("call err", `{{call .}}`, func() (int, error) { return 0, fmt.Errorf("bad %d", 1) })
	run("call any", `{{call . 1 "x" nil}}`, func(a ...any) string { return fmt.Sprint(a...) })
	run("call ptr arg", `{{call .F .P}}`, map[string]any{"F": func(s S) int { return s.A }, "P": &S{A: 9}})
	run("call nil ptr arg", `{{call .F .P}}`, map[string]any{"F": func(s S) int { return s.A }, "P": (*S)(nil)})
	run("call iface arg", `{{call .F .P}}`, map[string]any{"F": func(s fmt.Stringer) string { return s.String() }, "P": Str("x")})
	run("call float32", `{{call . 1.5}}`, func(f float32) float32 { return f * 2 })
	run("call int8", `{{call . 300}}`, func(f int8) int8 { return f })
	run("print no value", `{{print .x}} {{printf "%v" .x}}`, map[string]any{})
}

func init() {
	run("eq slices", `{{eq .A .B}}`, map[string][]int{"A": {1}, "B": {1}})
	run("eq maps", `{{eq .A .A}}`, map[string]map[int]int{"A": {1: 1}})
	run("eq struct2", `{{eq .A .B}} {{eq .A .C}}`, map[string]S{"A": {A: 1}, "B": {A: 1}, "C": {A: 2}})
	run("eq arr", `{{eq .A .B}}`, map[string][2]string{"A": {"x", "y"}, "B": {"x", "y"}})
}
