package main

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// Celsius writes itself as text with a unit.
type Celsius float64

func (c Celsius) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("%.1fC", float64(c))), nil
}

func (c *Celsius) UnmarshalText(b []byte) error {
	s := strings.TrimSuffix(string(b), "C")
	var f float64
	_, err := fmt.Sscanf(s, "%g", &f)
	*c = Celsius(f)
	return err
}

// Point writes itself as an element with two attributes.
type Point struct{ X, Y int }

func (p Point) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = append(start.Attr,
		xml.Attr{Name: xml.Name{Local: "x"}, Value: fmt.Sprint(p.X)},
		xml.Attr{Name: xml.Name{Local: "y"}, Value: fmt.Sprint(p.Y)})
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

// Level is an attribute with a name of its own choosing.
type Level int

func (l Level) MarshalXMLAttr(name xml.Name) (xml.Attr, error) {
	if l == 0 {
		return xml.Attr{}, nil
	}
	return xml.Attr{Name: xml.Name{Local: name.Local + "-level"}, Value: strings.Repeat("*", int(l))}, nil
}

func (l *Level) UnmarshalXMLAttr(a xml.Attr) error {
	*l = Level(len(a.Value))
	return nil
}

// Tag accepts only lower-case words.
type Tag string

func (t *Tag) UnmarshalText(b []byte) error {
	if strings.ToLower(string(b)) != string(b) {
		return fmt.Errorf("tag %q is not lower case", b)
	}
	*t = Tag(b)
	return nil
}

type Reading struct {
	XMLName xml.Name   `xml:"reading"`
	Temp    Celsius    `xml:"temp"`
	Max     *Celsius   `xml:"max,attr"`
	Where   Point      `xml:"where"`
	Path    []Point    `xml:"path>pt"`
	Alert   Level      `xml:"alert,attr"`
	Quiet   Level      `xml:"quiet,attr"`
	Tags    []Tag      `xml:"tag"`
	Unit    Celsius    `xml:",chardata"`
	Extra   []xml.Attr `xml:",any,attr"`
}

func main() {
	max := Celsius(31.25)
	r := Reading{Temp: 21.5, Max: &max, Where: Point{1, 2}, Path: []Point{{3, 4}, {5, 6}},
		Alert: 3, Tags: string2tags("hot", "dry"), Unit: 7,
		Extra: []xml.Attr{{Name: xml.Name{Local: "src"}, Value: "station-9"}}}
	out, err := xml.MarshalIndent(r, "", "  ")
	fmt.Println(string(out), err)

	var back Reading
	in := `<reading max="40.5C" alert="*****" src="s1" kind="k"><temp>-3.5C</temp><tag>cold</tag><tag>wet</tag>12.0C</reading>`
	err = xml.Unmarshal([]byte(in), &back)
	fmt.Println(err, back.Temp, *back.Max, back.Alert, back.Tags, back.Unit, back.Extra)

	err = xml.Unmarshal([]byte(`<reading><tag>ok</tag><tag>NotOK</tag><tag>never</tag></reading>`), &back)
	fmt.Println(err, back.Tags)

	var c Celsius
	fmt.Println(xml.Unmarshal([]byte(`<c>  100.0C<b>ignored</b></c>`), &c), c)
	out, err = xml.Marshal(&c)
	fmt.Println(string(out), err)
}

func string2tags(s ...string) []Tag {
	var t []Tag
	for _, x := range s {
		t = append(t, Tag(x))
	}
	return t
}
