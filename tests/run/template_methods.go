// text/template: method calls on data. Value and pointer receivers,
// methods with arguments and error results, pointer methods of
// addressable slice elements (found as Go finds them), Stringer and
// error values printed through their methods, methods chained with
// fields, and a method's panic reported as an execution error.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Money int

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Line struct {
	SKU   string
	Qty   int
	Price Money
}

func (l *Line) Total() Money { return Money(l.Qty) * l.Price }

func (l Line) Describe(verbose bool) string {
	if verbose {
		return fmt.Sprintf("%d x %s @ %v", l.Qty, l.SKU, l.Price)
	}
	return l.SKU
}

type PtrStringer struct{ N int }

func (p *PtrStringer) String() string { return fmt.Sprintf("PS(%d)", p.N) }

type Wallet struct {
	Cash Money
	Main Line
}

func (w *Wallet) Spend(m Money) Money { return w.Cash - m }

type Cart struct {
	Wallet
	Best  Line
	Owner string
	Lines []Line
	Ptrs  []*Line
	PS    []PtrStringer
	Err   error
}

func (c *Cart) Sum() Money {
	var t Money
	for i := range c.Lines {
		t += c.Lines[i].Total()
	}
	return t
}

func (c Cart) Find(sku string) (*Line, error) {
	for i := range c.Lines {
		if c.Lines[i].SKU == sku {
			return &c.Lines[i], nil
		}
	}
	return nil, errors.New("no such sku " + sku)
}

func (c Cart) Shout() string { return strings.ToUpper(c.Owner) }

func main() {
	c := &Cart{
		Owner: "sam",
		Lines: []Line{{"apple", 3, 50}, {"pear", 1, 125}},
		PS:    []PtrStringer{{1}, {2}},
		Err:   errors.New("card declined"),
		Best:  Line{"plum", 2, 30},
	}
	c.Cash = 1000
	c.Main = Line{"fig", 4, 10}
	c.Ptrs = []*Line{&c.Lines[0]}
	text := `{{.Shout}} owes {{.Sum}}
{{range .Lines}}- {{.Describe false}}: {{.Total}} ({{.Describe true}})
{{end}}{{range .Ptrs}}ptr {{.SKU}} {{.Total}}
{{end}}{{range .PS}}{{.}} {{end}}{{index .PS 1}}
{{with .Find "pear"}}found {{.SKU}} {{.Total}}{{end}}
{{(index .Lines 0).Total}} {{printf "%v|%d" (index .Lines 1) (index .Lines 1).Qty}}
{{.Err}} {{len .Lines}} {{(.Find "apple").Price}}
{{range $i, $l := .Lines}}{{$i}}:{{$l.Total}} {{end}}
{{.Best.Total}} {{.Spend 25}} {{.Wallet.Spend 5}} {{.Main.Total}} {{.Wallet.Main.Total}} {{with .Best}}{{.Total}}{{end}}
{{.Find "kiwi"}}
`
	t := template.Must(template.New("cart").Parse(text))
	if err := t.Execute(os.Stdout, c); err != nil {
		fmt.Println("\nerror:", err)
	}
	// Without the pointer, pointer methods of the cart are not there.
	err := template.Must(template.New("v").Parse("{{.Sum}}")).Execute(os.Stdout, *c)
	fmt.Println("\nerror:", err)
	err = template.Must(template.New("v").Parse("{{.Best.Total}}")).Execute(os.Stdout, *c)
	fmt.Println("\nerror:", err)
}
