// Format and Scan methods that allocate, in a program whose collector
// runs at every safepoint: the ScanState that Fscan keeps across its
// reads, the bytes it read on, and what the methods wrote and stored must
// survive.
package main

import (
	"fmt"
	"strings"
)

type Item struct {
	name string
	tags []string
}

func (it *Item) Format(f fmt.State, verb rune) {
	parts := make([]string, 0, len(it.tags))
	for _, t := range it.tags {
		parts = append(parts, strings.ToUpper(t)+fmt.Sprint(len(t)))
	}
	fmt.Fprintf(f, "%s[%s]", it.name, strings.Join(parts, ","))
	if w, ok := f.Width(); ok {
		fmt.Fprintf(f, "/%d", w)
	}
}

func (it *Item) Scan(st fmt.ScanState, verb rune) error {
	tok, err := st.Token(true, nil)
	if err != nil {
		return err
	}
	fields := strings.Split(string(tok), ":")
	it.name = fields[0]
	it.tags = append([]string(nil), fields[1:]...)
	return nil
}

func main() {
	var sb strings.Builder
	for i := 0; i < 200; i++ {
		sb.WriteString(fmt.Sprintf("n%d:a%d:bb%d ", i, i%7, i%3))
	}
	r := strings.NewReader(sb.String())
	total := 0
	for i := 0; i < 200; i++ {
		var it Item
		if _, err := fmt.Fscan(r, &it); err != nil {
			fmt.Println("error", err)
			return
		}
		s := fmt.Sprintf("%*v", i%4, &it)
		total += len(s)
		if i%50 == 0 {
			fmt.Println(s)
		}
	}
	fmt.Println(total)
}
