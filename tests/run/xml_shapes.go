package main

import (
	"encoding/xml"
	"fmt"
)

type Base struct {
	Kind string `xml:"kind,attr"`
	Note string `xml:"note"`
}

type Feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	*Base
	Title   string      `xml:"title"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Ref     string      `xml:"http://example.com/ref id,attr"`
	Body    string      `xml:",cdata"`
	Count   *int        `xml:"count"`
	Ok      *bool       `xml:"ok,attr"`
	Data    []byte      `xml:"data"`
	Fixed   [3]int      `xml:"fixed"`
	Any     interface{} `xml:"any"`
	Nothing interface{} `xml:"nothing"`
	Rest    []Elem      `xml:",any"`
}

type Elem struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Inner   string     `xml:",innerxml"`
}

type Holder struct {
	XMLName xml.Name `xml:"holder"`
	Items   []string `xml:"items>item,omitempty"`
	Empty   []string `xml:"none>item"`
	Ptr     *string  `xml:"ptr,omitempty"`
	Inner   []byte   `xml:",innerxml"`
}

func main() {
	n := 5
	yes := true
	f := Feed{Base: &Base{Kind: "news", Note: "n1"}, Title: "Hi", Lang: "en", Ref: "r1",
		Body: "a ]]> b <c>", Count: &n, Ok: &yes, Data: []byte("raw&"), Fixed: [3]int{1, 2, 3},
		Any:  struct{ V int }{9},
		Rest: []Elem{{XMLName: xml.Name{Local: "extra"}, Inner: "<b>bold</b>"}}}
	out, err := xml.MarshalIndent(f, "", " ")
	fmt.Println(string(out), err)

	in := `<feed xmlns="http://www.w3.org/2005/Atom" kind="blog" xml:lang="fr"><title>T</title><note>N</note><count> 12 </count><data>bytes</data><unknown a="1" b="2"><deep>text</deep></unknown><other/><![CDATA[x<y]]></feed>`
	var g Feed
	err = xml.Unmarshal([]byte(in), &g)
	fmt.Println(err, g.XMLName, g.Base.Kind, g.Note, g.Title, g.Lang, *g.Count, string(g.Data), g.Body, g.Ok == nil)
	for _, r := range g.Rest {
		fmt.Printf("%s %v %q\n", r.XMLName.Local, r.Attrs, r.Inner)
	}
	err = xml.Unmarshal([]byte(`<feed xmlns="urn:other"/>`), &g)
	fmt.Println(err)

	h := Holder{Items: []string{"a", "b"}}
	out, err = xml.Marshal(h)
	fmt.Println(string(out), err)
	out, err = xml.Marshal(Holder{})
	fmt.Println(string(out), err)
	var h2 Holder
	err = xml.Unmarshal([]byte("<holder>\n <items><item>x</item><item>y</item></items>\n <ptr>p</ptr>\n</holder>"), &h2)
	fmt.Printf("%v %q %q %q\n", err, h2.Items, *h2.Ptr, h2.Inner)
}
