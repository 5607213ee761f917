package main

import (
	"os"
	"text/template"
)

func main() {
	t := template.Must(template.New("t").Parse("{{range .}}{{if .}}yes {{.}}{{else}}no {{.}}{{end}}\n{{end}}"))
	if err := t.Execute(os.Stdout, []any{complex(0, 0), complex(0, 1), complex64(2), 0.0, 3}); err != nil {
		panic(err)
	}
}
