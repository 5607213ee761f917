package main

import (
	"fmt"
	"os"
	"text/template"
)

func main() {
	for _, s := range []string{`{{"a\"b" | printf "%s"}}`, `{{'x'}} {{'\n'}}`, `{{"abc`, `{{'a`, "{{\"a\nb\"}}", `{{"ok"}}`} {
		t, err := template.New("t").Parse(s)
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		t.Execute(os.Stdout, nil)
		fmt.Println()
	}
}
