// awfy_json: "Are We Fast Yet" Json. A recursive-descent JSON parser
// (objects with a name index, arrays, strings with escapes, numbers and
// literals kept as text) run over a 5 KB document many times; each tree
// is walked through an interface method and one record looked up by name.
// Byte-at-a-time string scanning, small allocations, map inserts.
package main

import "fmt"

const text = `{"version": 3, "generator": "gol bench", "records": [
  {"id": 0, "name": "lambda \"epsilon\"", "tags": ["epsilon", "nu"], "score": 74.68, "active": true, "parent": null,
   "nested": {"depth": 1, "items": [55, 53, {"flag": false, "note": "nu\nlambda"}], "empty": {}, "none": []}},
  {"id": 1, "name": "gamma \"theta\"", "tags": ["theta", "tau"], "score": -9.970E+0, "active": true, "parent": null,
   "nested": {"depth": 2, "items": [5, 71, {"flag": false, "note": "tau\ngamma"}], "empty": {}, "none": []}},
  {"id": 2, "name": "epsilon \"kappa\"", "tags": ["kappa", "xi"], "score": 553.15, "active": false, "parent": null,
   "nested": {"depth": 1, "items": [70, 91, {"flag": false, "note": "xi\nepsilon"}], "empty": {}, "none": []}},
  {"id": 3, "name": "gamma \"beta\"", "tags": ["beta", "eta"], "score": 7e0, "active": false, "parent": null,
   "nested": {"depth": 2, "items": [23, 89, {"flag": false, "note": "eta\ngamma"}], "empty": {}, "none": []}},
  {"id": 4, "name": "theta \"gamma\"", "tags": ["gamma", "kappa"], "score": -9.74E+1, "active": true, "parent": null,
   "nested": {"depth": 3, "items": [19, 62, {"flag": false, "note": "kappa\ntheta"}], "empty": {}, "none": []}},
  {"id": 5, "name": "xi \"beta\"", "tags": ["beta", "gamma"], "score": -9.508E+9, "active": true, "parent": null,
   "nested": {"depth": 1, "items": [34, 60, {"flag": false, "note": "gamma\nxi"}], "empty": {}, "none": []}},
  {"id": 6, "name": "gamma \"beta\"", "tags": ["beta", "kappa"], "score": 5e1, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [14, 63, {"flag": false, "note": "kappa\ngamma"}], "empty": {}, "none": []}},
  {"id": 7, "name": "beta \"eta\"", "tags": ["eta", "kappa"], "score": -7.82E+2, "active": false, "parent": null,
   "nested": {"depth": 5, "items": [35, 17, {"flag": false, "note": "kappa\nbeta"}], "empty": {}, "none": []}},
  {"id": 8, "name": "xi \"sigma\"", "tags": ["sigma", "iota"], "score": 367.87, "active": true, "parent": null,
   "nested": {"depth": 2, "items": [1, 62, {"flag": false, "note": "iota\nxi"}], "empty": {}, "none": []}},
  {"id": 9, "name": "tau \"zeta\"", "tags": ["zeta", "iota"], "score": 7e3, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [79, 83, {"flag": false, "note": "iota\ntau"}], "empty": {}, "none": []}},
  {"id": 10, "name": "beta \"omicron\"", "tags": ["omicron", "nu"], "score": 3044, "active": true, "parent": null,
   "nested": {"depth": 4, "items": [20, 14, {"flag": false, "note": "nu\nbeta"}], "empty": {}, "none": []}},
  {"id": 11, "name": "lambda \"beta\"", "tags": ["beta", "delta"], "score": -9992, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [48, 19, {"flag": false, "note": "delta\nlambda"}], "empty": {}, "none": []}},
  {"id": 12, "name": "iota \"mu\"", "tags": ["mu", "sigma"], "score": 5537, "active": true, "parent": null,
   "nested": {"depth": 1, "items": [95, 43, {"flag": false, "note": "sigma\niota"}], "empty": {}, "none": []}},
  {"id": 13, "name": "iota \"pi\"", "tags": ["pi", "zeta"], "score": 6920, "active": false, "parent": null,
   "nested": {"depth": 1, "items": [89, 33, {"flag": false, "note": "zeta\niota"}], "empty": {}, "none": []}},
  {"id": 14, "name": "rho \"mu\"", "tags": ["mu", "zeta"], "score": 790.28, "active": true, "parent": null,
   "nested": {"depth": 2, "items": [51, 94, {"flag": false, "note": "zeta\nrho"}], "empty": {}, "none": []}},
  {"id": 15, "name": "theta \"eta\"", "tags": ["eta", "rho"], "score": 364.93, "active": false, "parent": null,
   "nested": {"depth": 4, "items": [92, 44, {"flag": false, "note": "rho\ntheta"}], "empty": {}, "none": []}},
  {"id": 16, "name": "mu \"gamma\"", "tags": ["gamma", "theta"], "score": -6652, "active": false, "parent": null,
   "nested": {"depth": 3, "items": [82, 10, {"flag": false, "note": "theta\nmu"}], "empty": {}, "none": []}},
  {"id": 17, "name": "delta \"nu\"", "tags": ["nu", "eta"], "score": -5.88E+12, "active": false, "parent": null,
   "nested": {"depth": 4, "items": [95, 10, {"flag": false, "note": "eta\ndelta"}], "empty": {}, "none": []}},
  {"id": 18, "name": "zeta \"tau\"", "tags": ["tau", "epsilon"], "score": -2.626E+9, "active": false, "parent": null,
   "nested": {"depth": 2, "items": [70, 70, {"flag": false, "note": "epsilon\nzeta"}], "empty": {}, "none": []}},
  {"id": 19, "name": "epsilon \"alpha\"", "tags": ["alpha", "sigma"], "score": -6632, "active": false, "parent": null,
   "nested": {"depth": 2, "items": [37, 64, {"flag": false, "note": "sigma\nepsilon"}], "empty": {}, "none": []}},
  {"id": 20, "name": "theta \"lambda\"", "tags": ["lambda", "iota"], "score": -7.678E+9, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [19, 67, {"flag": false, "note": "iota\ntheta"}], "empty": {}, "none": []}},
  {"id": 21, "name": "rho \"alpha\"", "tags": ["alpha", "omicron"], "score": -3999, "active": true, "parent": null,
   "nested": {"depth": 3, "items": [87, 66, {"flag": false, "note": "omicron\nrho"}], "empty": {}, "none": []}},
  {"id": 22, "name": "rho \"sigma\"", "tags": ["sigma", "pi"], "score": -6523, "active": false, "parent": null,
   "nested": {"depth": 5, "items": [3, 97, {"flag": false, "note": "pi\nrho"}], "empty": {}, "none": []}},
  {"id": 23, "name": "gamma \"omicron\"", "tags": ["omicron", "lambda"], "score": -7.520E+8, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [33, 71, {"flag": false, "note": "lambda\ngamma"}], "empty": {}, "none": []}}
]}`

type Value interface {
	count() int
}

type Literal struct{ which int }
type String struct{ s string }
type Number struct{ s string }
type Array struct{ values []Value }
type Object struct {
	names  []string
	values []Value
	table  map[string]int
}

func (l *Literal) count() int { return 1 }
func (s *String) count() int  { return 1 }
func (n *Number) count() int  { return 1 }

func (a *Array) count() int {
	n := 1
	for _, v := range a.values {
		n += v.count()
	}
	return n
}

func (o *Object) count() int {
	n := 1
	for _, v := range o.values {
		n += v.count()
	}
	return n
}

func (o *Object) add(name string, v Value) {
	o.names = append(o.names, name)
	o.values = append(o.values, v)
	o.table[name] = len(o.values) - 1
}

func (o *Object) get(name string) Value {
	i, ok := o.table[name]
	if !ok {
		return nil
	}
	return o.values[i]
}

type Parser struct {
	input        string
	index        int
	current      int
	captureStart int
	buffer       string
}

func (p *Parser) read() {
	if p.index == len(p.input) {
		p.current = -1
		return
	}
	p.current = int(p.input[p.index])
	p.index++
}

func (p *Parser) readChar(c int) bool {
	if p.current != c {
		return false
	}
	p.read()
	return true
}

func (p *Parser) readRequiredChar(c int) {
	if !p.readChar(c) {
		panic("expected " + string(rune(c)))
	}
}

func (p *Parser) isDigit() bool {
	return p.current >= '0' && p.current <= '9'
}

func (p *Parser) readDigit() bool {
	if !p.isDigit() {
		return false
	}
	p.read()
	return true
}

func (p *Parser) isWhiteSpace() bool {
	return p.current == ' ' || p.current == '\t' || p.current == '\n' || p.current == '\r'
}

func (p *Parser) skipWhiteSpace() {
	for p.isWhiteSpace() {
		p.read()
	}
}

func (p *Parser) startCapture() {
	p.captureStart = p.index - 1
}

func (p *Parser) pauseCapture() {
	p.buffer += p.input[p.captureStart : p.index-1]
}

func (p *Parser) endCapture() string {
	end := p.index
	if p.current != -1 {
		end = p.index - 1
	}
	captured := p.buffer + p.input[p.captureStart:end]
	p.buffer = ""
	return captured
}

func hexValue(c int) int {
	if c >= '0' && c <= '9' {
		return c - '0'
	}
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 10
	}
	if c >= 'A' && c <= 'F' {
		return c - 'A' + 10
	}
	panic("expected a hexadecimal digit")
}

func (p *Parser) readEscape() {
	p.read()
	switch p.current {
	case '"', '/', '\\':
		p.buffer += string(rune(p.current))
	case 'b':
		p.buffer += "\b"
	case 'f':
		p.buffer += "\f"
	case 'n':
		p.buffer += "\n"
	case 'r':
		p.buffer += "\r"
	case 't':
		p.buffer += "\t"
	case 'u':
		code := 0
		for i := 0; i < 4; i++ {
			p.read()
			code = code*16 + hexValue(p.current)
		}
		if code >= 128 {
			panic("only ASCII escapes")
		}
		p.buffer += string(rune(code))
	default:
		panic("expected a valid escape sequence")
	}
	p.read()
}

func (p *Parser) readStringInternal() string {
	p.read()
	p.startCapture()
	for p.current != '"' {
		if p.current == '\\' {
			p.pauseCapture()
			p.readEscape()
			p.startCapture()
		} else if p.current < 0x20 {
			panic("expected a valid string character")
		} else {
			p.read()
		}
	}
	s := p.endCapture()
	p.read()
	return s
}

func (p *Parser) readFraction() bool {
	if !p.readChar('.') {
		return false
	}
	if !p.readDigit() {
		panic("expected a digit")
	}
	for p.readDigit() {
	}
	return true
}

func (p *Parser) readExponent() bool {
	if !p.readChar('e') && !p.readChar('E') {
		return false
	}
	if !p.readChar('+') {
		p.readChar('-')
	}
	if !p.readDigit() {
		panic("expected a digit")
	}
	for p.readDigit() {
	}
	return true
}

func (p *Parser) readNumber() Value {
	p.startCapture()
	p.readChar('-')
	first := p.current
	if !p.readDigit() {
		panic("expected a digit")
	}
	if first != '0' {
		for p.readDigit() {
		}
	}
	p.readFraction()
	p.readExponent()
	return &Number{s: p.endCapture()}
}

func (p *Parser) readLiteral(word string, which int) Value {
	p.read()
	for i := 1; i < len(word); i++ {
		p.readRequiredChar(int(word[i]))
	}
	return &Literal{which: which}
}

func (p *Parser) readArray() Value {
	p.read()
	a := &Array{}
	p.skipWhiteSpace()
	if p.readChar(']') {
		return a
	}
	for {
		p.skipWhiteSpace()
		a.values = append(a.values, p.readValue())
		p.skipWhiteSpace()
		if !p.readChar(',') {
			break
		}
	}
	p.readRequiredChar(']')
	return a
}

func (p *Parser) readObject() Value {
	p.read()
	o := &Object{table: map[string]int{}}
	p.skipWhiteSpace()
	if p.readChar('}') {
		return o
	}
	for {
		p.skipWhiteSpace()
		if p.current != '"' {
			panic("expected a name")
		}
		name := p.readStringInternal()
		p.skipWhiteSpace()
		p.readRequiredChar(':')
		p.skipWhiteSpace()
		o.add(name, p.readValue())
		p.skipWhiteSpace()
		if !p.readChar(',') {
			break
		}
	}
	p.readRequiredChar('}')
	return o
}

func (p *Parser) readValue() Value {
	switch p.current {
	case 'n':
		return p.readLiteral("null", 0)
	case 't':
		return p.readLiteral("true", 1)
	case 'f':
		return p.readLiteral("false", 2)
	case '"':
		return &String{s: p.readStringInternal()}
	case '[':
		return p.readArray()
	case '{':
		return p.readObject()
	}
	if p.current == '-' || p.isDigit() {
		return p.readNumber()
	}
	panic("expected a value")
}

func parse(input string) Value {
	p := &Parser{input: input}
	p.read()
	p.skipWhiteSpace()
	v := p.readValue()
	p.skipWhiteSpace()
	if p.current != -1 {
		panic("unexpected character after the value")
	}
	return v
}

func main() {
	total := 0
	name := ""
	for i := 0; i < 600; i++ {
		doc := parse(text).(*Object)
		total += doc.count()
		rec := doc.get("records").(*Array).values[5].(*Object)
		name = rec.get("name").(*String).s
	}
	fmt.Println("json", total, name)
}
