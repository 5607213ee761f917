// text/template: define, template and block; ExecuteTemplate, Lookup,
// Templates, Clone, Delims, New on an existing template, redefinition.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"
)

type Page struct {
	Title string
	Items []string
	User  *User
}

type User struct {
	Name  string
	Admin bool
}

const layout = `{{define "layout"}}<html><title>{{.Title}}</title>
{{template "header" .}}{{block "body" .}}default body for {{.Title}}{{end}}
{{template "footer"}}</html>
{{end}}{{define "header"}}<h1>{{.Title}}</h1>{{with .User}} by {{template "user" .}}{{end}}
{{end}}{{define "user"}}{{.Name}}{{if .Admin}} (admin){{end}}{{end}}{{define "footer"}}<footer>{{.}}</footer>{{end}}`

func names(t *template.Template) string {
	var n []string
	for _, x := range t.Templates() {
		n = append(n, x.Name())
	}
	sort.Strings(n)
	return strings.Join(n, ",")
}

func main() {
	base := template.Must(template.New("base").Parse(layout))
	fmt.Println("templates:", names(base))
	p := Page{Title: "Home", Items: []string{"a", "b"}, User: &User{"Zoe", true}}
	if err := base.ExecuteTemplate(os.Stdout, "layout", p); err != nil {
		fmt.Println("error:", err)
	}

	list, err := base.Clone()
	if err != nil {
		fmt.Println(err)
		return
	}
	template.Must(list.Parse(`{{define "body"}}<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{end}}`))
	if err := list.ExecuteTemplate(os.Stdout, "layout", p); err != nil {
		fmt.Println("error:", err)
	}
	// The original keeps its block's default.
	base.ExecuteTemplate(os.Stdout, "layout", Page{Title: "Again"})

	fmt.Println(base.Lookup("user") != nil, base.Lookup("nope") == nil, base.Lookup("user").Name())
	base.Lookup("user").Execute(os.Stdout, User{Name: "Direct"})
	fmt.Println()

	// A template with only definitions is empty; executing it is an error.
	err = base.Execute(os.Stdout, nil)
	fmt.Println("\nexecute base:", err)

	// New shares the set.
	extra := base.New("extra")
	template.Must(extra.Parse(`[{{template "user" .}}]`))
	extra.Execute(os.Stdout, User{Name: "Ext"})
	base.ExecuteTemplate(os.Stdout, "extra", User{Name: "ViaBase"})
	fmt.Println()
	fmt.Println("templates:", names(base))

	// Delims.
	d := template.Must(template.New("d").Delims("<<", ">>").Parse(`<<.Title>> {{.Title}} <<- " trimmed " ->> !`))
	d.Execute(os.Stdout, p)
	fmt.Println()
	d2 := template.Must(template.New("d2").Delims("[[", "]]").Parse(`[[define "x"]]X[[.]][[end]][[template "x" 5]]`))
	d2.Execute(os.Stdout, nil)
	fmt.Println()

	// Recursion through template.
	tree := template.Must(template.New("tree").Parse(`{{define "node"}}({{.V}}{{range .Kids}} {{template "node" .}}{{end}}){{end}}{{template "node" .}}`))
	type node struct {
		V    int
		Kids []any
	}
	leaf := func(v int) node { return node{V: v} }
	root := node{1, []any{leaf(2), node{3, []any{leaf(4), leaf(5)}}}}
	tree.Execute(os.Stdout, root)
	fmt.Println()

	// Redefinition after execution is allowed in text/template.
	r := template.Must(template.New("r").Parse(`{{define "a"}}A1{{end}}{{template "a"}}`))
	r.Execute(os.Stdout, nil)
	template.Must(r.Parse(`{{define "a"}}A2{{end}}{{template "a"}}`))
	r.Execute(os.Stdout, nil)
	fmt.Println()

	// Template invoked with a pipeline and $ rebound.
	v := template.Must(template.New("v").Parse(`{{define "t"}}{{$}}-{{.}}{{end}}{{template "t" .Title}} {{template "t" 3}}`))
	v.Execute(os.Stdout, p)
	fmt.Println()

	fmt.Println(len(template.Must(template.New("z").Parse("")).Templates()))
}
