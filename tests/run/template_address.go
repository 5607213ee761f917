// text/template and addressability: methods of a pointer type found on
// values reached through pointers and interfaces, addressable fields
// passed where a pointer is asked for, ranges over integers keeping
// their type, arrays sliced through their address, nil arguments of the escapers, and the call builtin's
// messages.
package main

import (
	"fmt"
	"strings"
	"text/template"
)

type V struct{ j int }

func (v *V) String() string {
	if v == nil {
		return "nilV"
	}
	return fmt.Sprint("<", v.j, ">")
}

type T struct {
	V0    V
	PS    *string
	Empty any
	N     uint16
	AI    [3]int
	PAI   *[3]int
}

func (t *T) Method0() string { return "M0" }

type I interface{ Method0() string }

type Count uint8

func vfunc(a V, b *V) string { return "vfunc " + a.String() + b.String() }

func run(name, text string, data any) {
	t, err := template.New(name).Funcs(template.FuncMap{
		"vfunc": vfunc,
		"valueString": func(s string) string { return "value is " + s },
		"kind": func(v any) string { return fmt.Sprintf("%T", v) },
	}).Parse(text)
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
	tv := &T{V0: V{7}, N: 3, AI: [3]int{3, 4, 5}}
	tv.PAI = &tv.AI
	var iv I = tv
	run("ptr to iface", "{{.Method0}}", &iv)
	run("addr field", "{{vfunc .V0 .V0}} {{.V0}}", tv)
	run("value field", "{{.V0}}", *tv)
	run("nil string", "{{valueString .PS}}", T{})
	s := "here"
	run("string ptr", "{{valueString .PS}}", T{PS: &s})
	run("html nil", "{{html .Empty}} {{js .Empty}} {{urlquery .Empty}} {{print .Empty}}", tv)
	run("range kinds", "{{range .N}}{{kind .}} {{end}}", tv)
	run("range named", "{{range .}}{{kind .}}{{.}} {{end}}", Count(2))
	run("range uintptr", "{{range .}}{{kind .}} {{end}}", uintptr(1))
	run("slice arrays", "{{slice .AI 1}} {{slice .PAI 0 2}} {{slice .PAI 1 2 3}} {{index .AI 2}}", tv)
	run("slice unaddressable", "{{slice .AI 1}}", *tv)
	run("call int", "{{1 | call}}", nil)
	run("call str", `{{"f" | call}}`, nil)
	run("call nil", "{{call .Empty}}", tv)
}
