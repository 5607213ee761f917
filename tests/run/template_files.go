// text/template: ParseFiles and ParseGlob (templates named after their
// files' base names), and their errors.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

func main() {
	dir, err := os.MkdirTemp("", "tmplfiles")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			fmt.Println(err)
		}
	}
	write("page.tmpl", `<page>{{template "nav.tmpl" .}}{{block "content" .}}none{{end}}</page>`)
	write("nav.tmpl", `<nav>{{range .}}[{{.}}]{{end}}</nav>`)
	write("content.tmpl", `{{define "content"}}<main>{{len .}} links</main>{{end}}`)
	write("bad.txt", `{{.X`)

	t, err := template.ParseFiles(filepath.Join(dir, "page.tmpl"), filepath.Join(dir, "nav.tmpl"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Name())
	t.Execute(os.Stdout, []string{"a", "b"})
	fmt.Println()

	g, err := template.ParseGlob(filepath.Join(dir, "*.tmpl"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Name())
	var b strings.Builder
	err = g.ExecuteTemplate(&b, "page.tmpl", []string{"x"})
	fmt.Println(b.String(), err)

	_, err = template.ParseGlob(filepath.Join(dir, "*.none"))
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"))
	_, err = template.ParseFiles()
	fmt.Println(err)
	_, err = template.ParseFiles(filepath.Join(dir, "bad.txt"))
	fmt.Println(err)
	_, err = template.ParseFiles(filepath.Join(dir, "missing.tmpl"))
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"))

	m := template.New("main")
	template.Must(m.Parse(`{{template "nav.tmpl" .}}!`))
	template.Must(m.ParseFiles(filepath.Join(dir, "nav.tmpl")))
	m.Execute(os.Stdout, []int{1, 2})
	fmt.Println()
}
