// Marshaler methods with pointer receivers (called only on addressable
// values), attribute name spaces and their prefixes, EncodeElement with a
// template, MarshalXML that leaves a tag open, Close.
package main

import (
	"encoding/xml"
	"fmt"
	"os"
)

type P struct{ N int }

func (p *P) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(fmt.Sprint("P#", p.N), start)
}

type W struct {
	One  P   `xml:"one"`
	Many []P `xml:"many"`
	Ptr  *P  `xml:"ptr"`
}

type NS struct {
	XMLName xml.Name `xml:"urn:x root"`
	A       string   `xml:"http://a.com/v1 a,attr"`
	B       string   `xml:"http://b.com/v1 b,attr"`
	C       string   `xml:"http://c.com/xmlstuff c,attr"`
	D       string   `xml:"http://d.com/ d,attr"`
	Kid     struct {
		XMLName xml.Name `xml:"kid"`
		V       int      `xml:"v"`
	}
}

type Bad struct{}

func (Bad) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeToken(start)
}

func main() {
	w := W{One: P{1}, Many: []P{{2}, {3}}, Ptr: &P{4}}
	out, err := xml.Marshal(w)
	fmt.Println(string(out), err)
	out, err = xml.Marshal(&w)
	fmt.Println(string(out), err)
	out, err = xml.MarshalIndent(NS{A: "1", B: "2", C: "3", D: "4"}, "", " ")
	fmt.Println(string(out), err)
	_, err = xml.Marshal(Bad{})
	fmt.Println(err)
	_, err = xml.Marshal(&Bad{})
	fmt.Println(err)
	e := xml.NewEncoder(os.Stdout)
	err = e.EncodeElement(NS{A: "z"}, xml.StartElement{Name: xml.Name{Space: "urn:y", Local: "other"}, Attr: []xml.Attr{{Name: xml.Name{Local: "q"}, Value: "1"}}})
	fmt.Println()
	fmt.Println(err)
	fmt.Println(e.EncodeToken(xml.StartElement{Name: xml.Name{Local: "open"}}))
	fmt.Println(e.Close())
	fmt.Println(e.EncodeToken(xml.CharData("x")))
}
