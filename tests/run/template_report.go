// text/template on realistic work: a report over a slice of structs with
// nested defines, a FuncMap and methods, as a program would print it.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
	Skills []string
	Boss   *Employee
}

func (e Employee) Initials() string {
	var b strings.Builder
	for _, w := range strings.Fields(e.Name) {
		b.WriteByte(w[0])
	}
	return b.String()
}

func (e *Employee) Raise(pct int) int { return e.Salary + e.Salary*pct/100 }

type Report struct {
	Title     string
	Employees []*Employee
	ByDept    map[string][]*Employee
}

func (r Report) Total() int {
	t := 0
	for _, e := range r.Employees {
		t += e.Salary
	}
	return t
}

const text = `{{define "money"}}${{commas .}}{{end -}}
{{define "row" -}}
| {{printf "%-12s" .Name}} | {{printf "%-4s" .Initials}} | {{printf "%-6s" .Dept}} | {{template "money" .Salary}} | {{.Raise 10}} |
{{- with .Boss}} reports to {{.Name}}{{end}}
{{end -}}
{{define "dept" -}}
== {{.Name | upper}} ({{len .People}}) ==
{{range $i, $e := .People}}{{if $i}}, {{end}}{{$e.Name}}{{end}}
{{end -}}
# {{.Title}}
{{range .Employees}}{{template "row" .}}{{end -}}
Total payroll: {{template "money" .Total}}
{{range $dept, $people := .ByDept}}{{template "dept" (pair $dept $people)}}{{end -}}
{{- $top := index .Employees 0}}
Top: {{$top.Name}}; skills: {{join $top.Skills ", " | printf "%q"}}
{{if and (gt (len .Employees) 2) (lt .Total 1000000)}}mid-size team{{else}}other{{end}}
`

func main() {
	ceo := &Employee{"Grace Hopper", "exec", 250000, []string{"cobol", "leadership"}, nil}
	es := []*Employee{
		ceo,
		{"Alan Turing", "eng", 180000, []string{"math"}, ceo},
		{"Ada Lovelace", "eng", 175000, nil, ceo},
		{"Linus T", "ops", 99000, []string{"c", "git"}, ceo},
	}
	by := map[string][]*Employee{}
	for _, e := range es {
		by[e.Dept] = append(by[e.Dept], e)
	}
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"join":  strings.Join,
		"commas": func(n int) string {
			s := fmt.Sprint(n)
			var out []string
			for len(s) > 3 {
				out = append([]string{s[len(s)-3:]}, out...)
				s = s[:len(s)-3]
			}
			return strings.Join(append([]string{s}, out...), ",")
		},
		"pair": func(name string, people []*Employee) map[string]any {
			return map[string]any{"Name": name, "People": people}
		},
	}
	t := template.Must(template.New("report").Funcs(funcs).Parse(text))
	if err := t.Execute(os.Stdout, Report{"Staff", es, by}); err != nil {
		fmt.Println("error:", err)
	}
}
