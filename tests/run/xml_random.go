// Random fragments of XML through Token (strict and not), Unmarshal into
// a catch-all struct and Marshal back: every result compared with Go.
package main

import (
	"encoding/xml"
	"fmt"
	"strings"
)

var frags = []string{"<", ">", "/", "a", "b", "x:y", "=", `"`, "'", " ", "\n", "&", "amp;", "lt;", "&#", "x41;", "65;", "<!--", "-->", "--", "<![CDATA[", "]]>", "<?", "?>", "xml", "!", "DOCTYPE", "[", "]", "é", "\xff", "\x01", "\r", "xmlns", ":", "1", "-", ".", "_", "<a>", "</a>", "<b/>", "<a>", "</a>", "<c y=\"2\" z='q'>", "</c>", "text", "<!--c-->", "<a x=\"1\">", "\t"}

var seed uint32 = 987

func rnd(n int) int {
	seed = seed*1664525 + 1013904223
	return int(seed>>8) % n
}

type Any struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Comment string     `xml:",comment"`
	Inner   string     `xml:",innerxml"`
	Kids    []Any      `xml:",any"`
}

func main() {
	for i := 0; i < 200; i++ {
		var sb strings.Builder
		n := 1 + rnd(30)
		for j := 0; j < n; j++ {
			sb.WriteString(frags[rnd(len(frags))])
		}
		s := sb.String()
		d := xml.NewDecoder(strings.NewReader(s))
		d.Strict = i%3 != 0
		var toks []string
		for k := 0; k < 50; k++ {
			t, err := d.Token()
			if err != nil {
				toks = append(toks, "ERR "+err.Error())
				break
			}
			toks = append(toks, fmt.Sprintf("%T%v", t, t))
		}
		var a Any
		err := xml.Unmarshal([]byte(s), &a)
		out, merr := xml.Marshal(a)
		fmt.Printf("%q\n  %v\n  %v %+v\n  %q %v\n", s, toks, err, a, out, merr)
	}
}
