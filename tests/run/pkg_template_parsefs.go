package main

import (
	"fmt"
	"os"
	"path/filepath"
	"text/template"
)

func main() {
	dir, _ := os.MkdirTemp("", "tpl")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "views", "parts"), 0o755)
	os.WriteFile(filepath.Join(dir, "views", "page.tmpl"), []byte(`<h1>{{.Title}}</h1>{{template "footer.tmpl" .}}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "views", "parts", "footer.tmpl"), []byte(`<p>{{.Year}}</p>`), 0o644)
	fsys := os.DirFS(dir)
	t, err := template.ParseFS(fsys, "views/*.tmpl", "views/parts/*.tmpl")
	fmt.Println(err, t.Name())
	err = t.ExecuteTemplate(os.Stdout, "page.tmpl", map[string]any{"Title": "Home", "Year": 2026})
	fmt.Println(err)
	_, err = template.ParseFS(fsys, "none/*.tmpl")
	fmt.Println(err)
	_, err = template.ParseFS(fsys, "[")
	fmt.Println(err)
	t2 := template.Must(template.New("base").Parse(`base:{{template "footer.tmpl" .}}` + "\n"))
	t2, err = t2.ParseFS(fsys, "views/parts/*")
	fmt.Println(err)
	t2.Execute(os.Stdout, map[string]int{"Year": 1})
}
