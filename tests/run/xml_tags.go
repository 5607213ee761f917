package main

import (
	"encoding/xml"
	"fmt"
	"os"
)

type Address struct {
	City, State string
}

type Note struct {
	Lang string `xml:"lang,attr"`
	Text string `xml:",chardata"`
}

type Meta struct {
	Created string `xml:"created,attr,omitempty"`
	Source  string `xml:"source"`
}

type Person struct {
	XMLName   xml.Name `xml:"person"`
	Id        int      `xml:"id,attr"`
	Active    bool     `xml:"active,attr"`
	Score     float64  `xml:"score,attr,omitempty"`
	FirstName string   `xml:"name>first"`
	LastName  string   `xml:"name>last"`
	Age       int      `xml:"age"`
	Height    float32  `xml:"height,omitempty"`
	Married   bool
	Email     []string `xml:"email"`
	Phone     string   `xml:"phone,omitempty"`
	Secret    string   `xml:"-"`
	private   string
	Comment   string   `xml:",comment"`
	Notes     []Note   `xml:"note"`
	Addr      *Address `xml:"address"`
	NoAddr    *Address `xml:"other"`
	Raw       string   `xml:",innerxml"`
	Meta
	Ratio  uint8   `xml:"ratio"`
	Neg    int64   `xml:"neg"`
	Big    float64 `xml:"big"`
	Escape string  `xml:"escape"`
}

func main() {
	p := Person{
		Id: 13, Active: true, FirstName: "John", LastName: "Doe", Age: 42,
		Married: false, Email: []string{"a@b.c", "d@e.f"}, Secret: "x", private: "y",
		Comment: " Need more details. ",
		Notes:   []Note{{"en", "hello & <goodbye>"}, {"fr", "bonjour\n\t\"là\""}},
		Addr:    &Address{"Hanga Roa", "Easter Island"},
		Meta:    Meta{Source: "census"},
		Ratio:   200, Neg: -7, Big: 1e21, Escape: "it's 'quoted' \r\n",
	}
	out, err := xml.MarshalIndent(p, "", "\t")
	fmt.Println(string(out), err)
	out2, err := xml.Marshal(p)
	fmt.Println(string(out2), err)

	var q Person
	err = xml.Unmarshal(out, &q)
	fmt.Println(err)
	fmt.Printf("%d %v %q %q %d %v %q %q\n", q.Id, q.Active, q.FirstName, q.LastName, q.Age, q.Married, q.Email, q.Comment)
	fmt.Printf("%+v %v %q %v %v %v %q\n", q.Notes, *q.Addr, q.Source, q.NoAddr == nil, q.Ratio, q.Neg, q.Escape)
	fmt.Println(q.Big, q.XMLName.Local, len(q.Raw) > 100)

	enc := xml.NewEncoder(os.Stdout)
	enc.Indent(">", "  ")
	if err := enc.Encode(Note{"de", "hallo"}); err != nil {
		fmt.Println(err)
	}
	fmt.Println()
	type Pair struct {
		XMLName xml.Name
		A, B    int
	}
	out, err = xml.Marshal(Pair{XMLName: xml.Name{Local: "custom"}, A: 1, B: 2})
	fmt.Println(string(out), err)
	out, err = xml.Marshal(Pair{A: 3})
	fmt.Println(string(out), err)
	out, err = xml.Marshal([]int{1, 2, 3})
	fmt.Println(string(out), err)
	out, err = xml.Marshal("plain <text>")
	fmt.Println(string(out), err)
	var np *Person
	out, err = xml.Marshal(np)
	fmt.Printf("%q %v\n", out, err)
}
