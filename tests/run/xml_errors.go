package main

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
)

type Plant struct {
	XMLName xml.Name `xml:"plant"`
	Id      int      `xml:"id,attr"`
	Name    string   `xml:"name"`
	Height  float64  `xml:"height"`
	Edible  bool     `xml:"edible"`
	Count   uint8    `xml:"count"`
}

type BadTag struct {
	A string `xml:"a,attr,chardata"`
}

type BadChain struct {
	A string `xml:"a>b,attr"`
}

type Conflict struct {
	A string `xml:"x>y"`
	B string `xml:"x"`
}

type Commented struct {
	C string `xml:",comment"`
}

type WithMap struct {
	M map[string]int
}

func try(label string, data string) {
	var p Plant
	err := xml.Unmarshal([]byte(data), &p)
	fmt.Printf("%s: %v | %+v\n", label, err, p)
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("  syntax error on line", se.Line, "msg", se.Msg)
	}
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		fmt.Println("  num error", ne.Func, ne.Num, ne.Err)
	}
	var ue xml.UnmarshalError
	if errors.As(err, &ue) {
		fmt.Println("  unmarshal error", string(ue))
	}
}

func main() {
	try("ok", `<plant id="1"><name>Fern</name><height> 2.5 </height><edible>true</edible><count>7</count></plant>`)
	try("empty", ``)
	try("wrong root", `<tree id="2"/>`)
	try("bad int attr", `<plant id="x1"><name>A</name></plant>`)
	try("bad float", `<plant><name>B</name><height>tall</height><count>1</count></plant>`)
	try("bad bool", `<plant><edible>maybe</edible></plant>`)
	try("overflow", `<plant><name>C</name><count>300</count></plant>`)
	try("unclosed", `<plant id="3"><name>D</name>`)
	try("mismatch", "<plant>\n<name>E</nome>\n</plant>")
	try("bad entity", "<plant>\n\n<name>&bogus;</name></plant>")
	try("no semicolon", "<plant><name>&amp</name></plant>")
	try("bad attr", `<plant id=3></plant>`)
	try("lt in attr", `<plant id="<"></plant>`)
	try("bad comment", `<plant><!-- a -- b --></plant>`)
	try("stray end", `</plant>`)
	try("bad name", `<plant><1abc/></plant>`)
	try("version", `<?xml version="2.0"?><plant/>`)
	try("encoding", `<?xml version="1.0" encoding="latin-1"?><plant/>`)
	try("cdata eof", `<plant><![CDATA[abc`)
	try("invalid char", "<plant><name>a\x01b</name></plant>")

	var p Plant
	fmt.Println(xml.Unmarshal([]byte(`<plant/>`), p))
	fmt.Println(xml.Unmarshal([]byte(`<plant/>`), nil))
	var nilp *Plant
	fmt.Println(xml.Unmarshal([]byte(`<plant/>`), nilp))
	var m map[string]int
	fmt.Println(xml.Unmarshal([]byte(`<m/>`), &m))

	_, err := xml.Marshal(map[string]int{"a": 1})
	fmt.Println(err)
	var ute *xml.UnsupportedTypeError
	fmt.Println(errors.As(err, &ute))
	_, err = xml.Marshal(WithMap{M: map[string]int{}})
	fmt.Println(err)
	_, err = xml.Marshal(make(chan int))
	fmt.Println(err)
	_, err = xml.Marshal(struct{ A int }{1})
	fmt.Println(err)
	_, err = xml.Marshal(BadTag{"x"})
	fmt.Println(err)
	_, err = xml.Marshal(BadChain{"x"})
	fmt.Println(err)
	_, err = xml.Marshal(Conflict{"x", "y"})
	fmt.Println(err)
	out, err := xml.Marshal(Commented{"a--b"})
	fmt.Printf("%q %v\n", out, err)
	out, err = xml.Marshal(Commented{"ends-"})
	fmt.Printf("%q %v\n", out, err)
	err = xml.NewEncoder(nil).EncodeElement(1, xml.StartElement{})
	fmt.Println(err)
	fmt.Println(xml.Unmarshal([]byte(`<x><A>1</A></x>`), &BadTag{}))
}
