// text/template on an invoice e-mail: nested defines with trimming,
// a FuncMap of float helpers, variables assigned in range, with/else
// over a pointer, a map of slices and a Stringer (time.Duration).
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"
	"time"
)

type Invoice struct {
	Number   int
	Customer Customer
	Lines    []InvLine
	Due      time.Duration
	Meta     map[string][]string
	Discount *float64
}

type Customer struct {
	First, Last string
	Email       string
	VIP         bool
}

func (c Customer) Full() string { return c.First + " " + c.Last }

type InvLine struct {
	Desc  string
	Hours float64
	Rate  float64
}

func (l InvLine) Amount() float64 { return l.Hours * l.Rate }

const email = `
{{- define "greeting" -}}
Dear {{if .VIP}}valued {{end}}{{.Full}},
{{- end -}}

{{- define "line" -}}
  {{printf "%-20s %6.2fh x %7.2f = %9.2f" .Desc .Hours .Rate .Amount}}
{{- end -}}

{{template "greeting" .Customer}}

Invoice #{{printf "%05d" .Number}}:
{{range $i, $l := .Lines}}
{{- if $i}}
{{end}}{{template "line" $l}}
{{- end}}
{{$total := 0.0}}{{range .Lines}}{{$total = addf $total .Amount}}{{end -}}
Subtotal: {{printf "%.2f" $total}}
{{with .Discount}}Discount: {{printf "%.0f%%" (mulf . 100)}}
Total: {{printf "%.2f" (mulf $total (subf 1.0 .))}}
{{else}}Total: {{printf "%.2f" $total}}
{{end -}}
Due in {{.Due}}.
{{range $k, $v := .Meta}}{{$k}}: {{join $v ", "}}
{{end -}}
{{/* signature */ -}}
-- {{"billing" | title}} <{{lower .Customer.Email}}>
`

func main() {
	d := 0.1
	inv := Invoice{
		Number:   42,
		Customer: Customer{"Ada", "Lovelace", "ADA@Example.com", true},
		Lines:    []InvLine{{"Design", 10, 95.5}, {"Implementation", 32.5, 110}, {"Review", 4, 80}},
		Due:      30 * 24 * time.Hour,
		Meta:     map[string][]string{"tags": {"q3", "urgent"}, "cc": {"bob@x.org"}},
		Discount: &d,
	}
	funcs := template.FuncMap{
		"addf":  func(a, b float64) float64 { return a + b },
		"mulf":  func(a, b float64) float64 { return a * b },
		"subf":  func(a, b float64) float64 { return a - b },
		"join":  strings.Join,
		"lower": strings.ToLower,
		"title": func(s string) string { return strings.ToUpper(s[:1]) + s[1:] },
	}
	t := template.Must(template.New("email").Funcs(funcs).Parse(email))
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("ERR", err)
	}
	inv.Discount = nil
	inv.Customer.VIP = false
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("ERR", err)
	}
	var names []string
	for _, x := range t.Templates() {
		names = append(names, x.Name())
	}
	sort.Strings(names)
	fmt.Println(names)
}
