package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

const doc = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE catalog [ <!ENTITY x "y"> <!-- note --> ]>
<catalog xmlns="urn:books" xmlns:ex="http://example.com/ns">
  <!-- the first book -->
  <book id="bk101" ex:lang="en">
    <title>XML &amp; Go &#x263A; &#65;</title>
    <price>44.95</price>
    <empty/>
    <![CDATA[<raw> & stuff]]>
  </book>
  <?render mode="fast"?>
</catalog>
`

func show(t xml.Token) string {
	switch t := t.(type) {
	case xml.StartElement:
		s := "start " + t.Name.Space + " " + t.Name.Local
		for _, a := range t.Attr {
			s += fmt.Sprintf(" [%s %s=%q]", a.Name.Space, a.Name.Local, a.Value)
		}
		return s
	case xml.EndElement:
		return "end " + t.Name.Space + " " + t.Name.Local
	case xml.CharData:
		return fmt.Sprintf("chardata %q", string(t))
	case xml.Comment:
		return fmt.Sprintf("comment %q", string(t))
	case xml.ProcInst:
		return fmt.Sprintf("procinst %s %q", t.Target, string(t.Inst))
	case xml.Directive:
		return fmt.Sprintf("directive %q", string(t))
	}
	return fmt.Sprintf("other %T", t)
}

func main() {
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			fmt.Println("EOF at", d.InputOffset())
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		line, col := d.InputPos()
		fmt.Printf("%d:%d %s\n", line, col, show(tok))
	}

	fmt.Println("-- raw")
	d = xml.NewDecoder(strings.NewReader(`<a:x b:y="1"><c/></a:x>`))
	for {
		tok, err := d.RawToken()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(show(xml.CopyToken(tok)))
	}

	fmt.Println("-- decode a stream")
	type Item struct {
		Name  string `xml:"name,attr"`
		Count int    `xml:",chardata"`
	}
	d = xml.NewDecoder(strings.NewReader(`<list><item name="a">1</item><skip><x/></skip><item name="b"> 22 </item></list>`))
	for {
		tok, err := d.Token()
		if err != nil {
			fmt.Println(err)
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "item":
				var it Item
				err := d.DecodeElement(&it, &se)
				fmt.Println(it, err)
			case "skip":
				fmt.Println("skip:", d.Skip())
			}
		}
	}

	fmt.Println("-- encode tokens")
	var buf bytes.Buffer
	e := xml.NewEncoder(&buf)
	e.Indent("", "  ")
	start := xml.StartElement{Name: xml.Name{Local: "root"}, Attr: []xml.Attr{{Name: xml.Name{Local: "v"}, Value: "1<2"}}}
	fmt.Println(e.EncodeToken(xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0"`)}))
	fmt.Println(e.EncodeToken(start))
	fmt.Println(e.EncodeToken(xml.Comment(" hi ")))
	fmt.Println(e.EncodeToken(xml.StartElement{Name: xml.Name{Local: "leaf"}}))
	fmt.Println(e.EncodeToken(xml.CharData("x & y\n")))
	fmt.Println(e.EncodeToken(xml.EndElement{Name: xml.Name{Local: "leaf"}}))
	fmt.Println(e.EncodeElement(42, xml.StartElement{Name: xml.Name{Local: "answer"}}))
	fmt.Println(e.EncodeToken(xml.EndElement{Name: xml.Name{Local: "oops"}}))
	fmt.Println(e.EncodeToken(start.End()))
	fmt.Println(e.Flush())
	fmt.Println(buf.String())
	fmt.Println(e.EncodeToken(xml.Comment("a-->b")))
	fmt.Println(e.EncodeToken(xml.ProcInst{Target: "xml"}))
	fmt.Println(e.Close())

	fmt.Println("-- html")
	d = xml.NewDecoder(strings.NewReader(`<p>a<br>b<img src="x.png"><hr/>c &nbsp;</p>`))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	for {
		tok, err := d.Token()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(show(tok))
	}

	var sb strings.Builder
	xml.EscapeText(&sb, []byte("a<b>&\"c'\td\ne\x01"))
	fmt.Println(sb.String())
}
