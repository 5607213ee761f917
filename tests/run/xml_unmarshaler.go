package main

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// Pairs reads <pairs><k>v</k>...</pairs> into a map, token by token.
type Pairs map[string]string

func (p *Pairs) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	*p = Pairs{}
	var key string
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			key = t.Name.Local
		case xml.CharData:
			if key != "" {
				(*p)[key] += string(t)
			}
		case xml.EndElement:
			if t.Name == start.Name {
				return nil
			}
			key = ""
		}
	}
}

// Upper decodes its element into a helper and upper-cases it.
type Upper struct{ Text string }

func (u *Upper) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var s string
	if err := d.DecodeElement(&s, &start); err != nil {
		return err
	}
	u.Text = strings.ToUpper(s)
	return nil
}

// Lazy reads nothing: Unmarshal reports it.
type Lazy struct{}

func (l *Lazy) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	return nil
}

// Kinds lists the kinds of tokens its element holds.
type Kinds []string

func (k *Kinds) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.EndElement); ok && e.Name == start.Name {
			return nil
		}
		*k = append(*k, fmt.Sprintf("%T", tok))
	}
}

// Wrapped keeps its element's inner XML through a helper struct.
type Wrapped struct {
	Raw  string
	Text string
}

func (w *Wrapped) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var aux struct {
		Inner string `xml:",innerxml"`
		B     struct {
			Inner []byte `xml:",innerxml"`
		} `xml:"b"`
	}
	if err := d.DecodeElement(&aux, &start); err != nil {
		return err
	}
	w.Raw = aux.Inner
	w.Text = string(aux.B.Inner)
	return nil
}

type Config struct {
	Name  string  `xml:"name"`
	Opts  Pairs   `xml:"opts"`
	Title Upper   `xml:"title"`
	Tags  []Upper `xml:"tag"`
	After string  `xml:"after"`
}

func main() {
	in := `<config><name>demo</name><opts><a>1</a><b>two</b></opts><title>hello <i>ignored</i> world</title><tag>x</tag><tag>y</tag><after>done</after></config>`
	var c Config
	err := xml.Unmarshal([]byte(in), &c)
	fmt.Println(err)
	fmt.Println(c.Name, len(c.Opts), c.Opts["a"], c.Opts["b"], c.Title.Text, c.Tags, c.After)

	var l struct {
		L     Lazy   `xml:"l"`
		After string `xml:"after"`
	}
	err = xml.Unmarshal([]byte(`<x><l><y/></l><after>z</after></x>`), &l)
	fmt.Println(err)

	var k struct {
		K Kinds `xml:"k"`
	}
	err = xml.Unmarshal([]byte(`<x><k>a<?pi x?><!-- c --><!DOCTYPE d><e/></k></x>`), &k)
	fmt.Println(err, k.K)

	var wr struct {
		Before string  `xml:"before"`
		W      Wrapped `xml:"w"`
	}
	err = xml.Unmarshal([]byte("<x><before>1</before><w> <b>bold <i>it</i></b>\n<!-- c --></w></x>"), &wr)
	fmt.Printf("%v %q %q %q\n", err, wr.Before, wr.W.Raw, wr.W.Text)

	var p Pairs
	err = xml.Unmarshal([]byte(`<p><k>v</k>`), &p)
	fmt.Println(err, p)
}
