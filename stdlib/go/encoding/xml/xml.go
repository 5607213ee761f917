// Package xml: gol's encoding/xml. This file is the tokenizer, in Go as Go
// writes it: a Decoder reads bytes one at a time (through bufio when the
// reader has no ReadByte), keeps the line for SyntaxError, and returns
// tokens. Token checks that elements nest and translates name space
// prefixes through the xmlns attributes in scope; RawToken does neither.
//
// The name space scopes and the open elements share one stack (stk): an
// element's entry sits above the entries that undo the prefixes its
// start tag declared, so closing it pops back to the previous element
// and restores the prefixes on the way. An eof entry under an element
// makes Token report io.EOF once that element is closed (UnmarshalXML
// may read only its own element).
//
// Marshal and Unmarshal walk values by the VM's type descriptors in
// natives (stdlib/src/natives/xml.rs): see marshal.go and read.go.
// Left out: HTMLEntity (the table of HTML's named characters for
// non-strict parsing); Strict, AutoClose, Entity and HTMLAutoClose work.
package xml

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A SyntaxError represents a syntax error in the XML input stream.
type SyntaxError struct {
	Msg  string
	Line int
}

func (e *SyntaxError) Error() string {
	return "XML syntax error on line " + strconv.Itoa(e.Line) + ": " + e.Msg
}

// A Name is an XML name: Local, in the name space Space (a URL once
// Token has translated the document's prefix).
type Name struct {
	Space, Local string
}

// An Attr is an attribute of an element (Name=Value).
type Attr struct {
	Name  Name
	Value string
}

// A Token holds one of StartElement, EndElement, CharData, Comment,
// ProcInst or Directive.
type Token any

// A StartElement is an element's start tag.
type StartElement struct {
	Name Name
	Attr []Attr
}

// Copy returns a copy of e with its own attribute slice.
func (e StartElement) Copy() StartElement {
	attrs := make([]Attr, len(e.Attr))
	copy(attrs, e.Attr)
	e.Attr = attrs
	return e
}

// End returns the end tag matching e.
func (e StartElement) End() EndElement {
	return EndElement{e.Name}
}

// An EndElement is an element's end tag.
type EndElement struct {
	Name Name
}

// CharData is character data with its escapes replaced.
type CharData []byte

func (c CharData) Copy() CharData { return CharData(bytes.Clone(c)) }

// A Comment is the text of <!--comment-->.
type Comment []byte

func (c Comment) Copy() Comment { return Comment(bytes.Clone(c)) }

// A ProcInst is a processing instruction <?target inst?>.
type ProcInst struct {
	Target string
	Inst   []byte
}

func (p ProcInst) Copy() ProcInst {
	p.Inst = bytes.Clone(p.Inst)
	return p
}

// A Directive is the text of <!text>.
type Directive []byte

func (d Directive) Copy() Directive { return Directive(bytes.Clone(d)) }

// CopyToken returns a copy of t that does not share the Decoder's buffer.
func CopyToken(t Token) Token {
	switch v := t.(type) {
	case CharData:
		return v.Copy()
	case Comment:
		return v.Copy()
	case Directive:
		return v.Copy()
	case ProcInst:
		return v.Copy()
	case StartElement:
		return v.Copy()
	}
	return t
}

// A TokenReader is anything that yields XML tokens, a Decoder included.
type TokenReader interface {
	Token() (Token, error)
}

// The kinds of stack entries.
const (
	stkStart = iota // an open element
	stkNs           // undoes one prefix binding
	stkEOF          // Token reports io.EOF here
)

type stackEntry struct {
	kind int
	name Name // stkStart: the element; stkNs: Local the prefix, Space its old URL
	ok   bool // stkNs: whether the prefix was bound before
}

// A Decoder is an XML parser reading one input stream, assumed UTF-8.
type Decoder struct {
	// Strict (the default) enforces the XML specification. Off, the
	// parser invents missing end tags, keeps unknown entities as text
	// and accepts unquoted attribute values.
	Strict bool
	// AutoClose lists the elements that close at once when Strict is
	// off.
	AutoClose []string
	// Entity maps further entity names to their replacement text.
	Entity map[string]string
	// CharsetReader turns input in another charset into UTF-8.
	CharsetReader func(charset string, input io.Reader) (io.Reader, error)
	// DefaultSpace is the name space of unprefixed element names.
	DefaultSpace string

	r         io.ByteReader
	t         TokenReader
	buf       bytes.Buffer
	saved     *bytes.Buffer
	stk       []stackEntry
	stkDepth  int
	needClose bool
	toClose   Name
	nextToken Token
	nextByte  int
	ns        map[string]string
	err       error
	line      int
	linestart int64
	offset    int64
	// inUnmarshalXML forbids RawToken while an UnmarshalXML method runs.
	inUnmarshalXML bool
}

// NewDecoder returns a Decoder reading r.
func NewDecoder(r io.Reader) *Decoder {
	d := &Decoder{ns: make(map[string]string), nextByte: -1, line: 1, Strict: true}
	d.switchToReader(r)
	return d
}

// NewTokenDecoder returns a Decoder over a stream of tokens.
func NewTokenDecoder(t TokenReader) *Decoder {
	if d, ok := t.(*Decoder); ok {
		return d
	}
	return &Decoder{ns: make(map[string]string), t: t, nextByte: -1, line: 1, Strict: true}
}

func (d *Decoder) switchToReader(r io.Reader) {
	if rb, ok := r.(io.ByteReader); ok {
		d.r = rb
	} else {
		d.r = bufio.NewReader(r)
	}
}

const (
	xmlURL      = "http://www.w3.org/XML/1998/namespace"
	xmlnsPrefix = "xmlns"
	xmlPrefix   = "xml"
)

// Token returns the next token, nil and io.EOF at the end of the input.
// Its byte slices are valid until the next call. Self-closing elements
// come as a StartElement and then an EndElement; elements must nest, and
// names carry their name space's URL.
func (d *Decoder) Token() (Token, error) {
	if n := len(d.stk); n > 0 && d.stk[n-1].kind == stkEOF {
		return nil, io.EOF
	}
	var t Token
	var err error
	if d.nextToken != nil {
		t, d.nextToken = d.nextToken, nil
	} else {
		t, err = d.rawToken()
		if t == nil && err != nil {
			if err == io.EOF && len(d.stk) > 0 {
				err = d.syntaxError("unexpected EOF")
			}
			return nil, err
		}
		err = nil
	}
	if !d.Strict {
		if closing, ok := d.autoClose(t); ok {
			d.nextToken = t
			t = closing
		}
	}
	switch t1 := t.(type) {
	case StartElement:
		// The element's own xmlns attributes apply to its name and its
		// other attributes: bind them first.
		for _, a := range t1.Attr {
			if a.Name.Space == xmlnsPrefix {
				d.bindNs(a.Name.Local, a.Value)
			}
			if a.Name.Space == "" && a.Name.Local == xmlnsPrefix {
				d.bindNs("", a.Value)
			}
		}
		d.push(stackEntry{kind: stkStart, name: t1.Name})
		d.translate(&t1.Name, true)
		for i := range t1.Attr {
			d.translate(&t1.Attr[i].Name, false)
		}
		t = t1
	case EndElement:
		if !d.popElement(&t1) {
			return nil, d.err
		}
		t = t1
	}
	return t, err
}

// translate replaces n's prefix by its URL. Unprefixed attribute names
// stay in no name space.
func (d *Decoder) translate(n *Name, isElementName bool) {
	switch {
	case n.Space == xmlnsPrefix:
		return
	case n.Space == "" && !isElementName:
		return
	case n.Space == xmlPrefix:
		n.Space = xmlURL
	case n.Space == "" && n.Local == xmlnsPrefix:
		return
	}
	if v, ok := d.ns[n.Space]; ok {
		n.Space = v
	} else if n.Space == "" {
		n.Space = d.DefaultSpace
	}
}

func (d *Decoder) push(e stackEntry) {
	if e.kind == stkStart {
		d.stkDepth++
	}
	d.stk = append(d.stk, e)
}

func (d *Decoder) pop() (stackEntry, bool) {
	n := len(d.stk)
	if n == 0 {
		return stackEntry{}, false
	}
	e := d.stk[n-1]
	d.stk = d.stk[:n-1]
	if e.kind == stkStart {
		d.stkDepth--
	}
	return e, true
}

// bindNs binds prefix to url, remembering the old binding.
func (d *Decoder) bindNs(prefix, url string) {
	old, ok := d.ns[prefix]
	d.push(stackEntry{kind: stkNs, name: Name{Space: old, Local: prefix}, ok: ok})
	d.ns[prefix] = url
}

// pushEOF makes Token return io.EOF once the innermost open element is
// closed: the eof entry goes below the element and the bindings its
// start tag made.
func (d *Decoder) pushEOF() {
	i := len(d.stk) - 1
	for d.stk[i].kind != stkStart {
		i--
	}
	for i > 0 && d.stk[i-1].kind == stkNs {
		i--
	}
	d.stk = append(d.stk, stackEntry{})
	copy(d.stk[i+1:], d.stk[i:])
	d.stk[i] = stackEntry{kind: stkEOF}
}

// popEOF undoes pushEOF once the element is closed: false if it is not.
func (d *Decoder) popEOF() bool {
	n := len(d.stk)
	if n == 0 || d.stk[n-1].kind != stkEOF {
		return false
	}
	d.pop()
	return true
}

func (d *Decoder) syntaxError(msg string) error {
	return &SyntaxError{Msg: msg, Line: d.line}
}

// popElement checks that t closes the innermost open element, then
// restores the prefix bindings that element's start tag made.
func (d *Decoder) popElement(t *EndElement) bool {
	s, ok := d.pop()
	name := t.Name
	switch {
	case !ok || s.kind != stkStart:
		d.err = d.syntaxError("unexpected end element </" + name.Local + ">")
		return false
	case s.name.Local != name.Local:
		if !d.Strict {
			d.needClose = true
			d.toClose = t.Name
			t.Name = s.name
			return true
		}
		d.err = d.syntaxError("element <" + s.name.Local + "> closed by </" + name.Local + ">")
		return false
	case s.name.Space != name.Space:
		ns := name.Space
		if name.Space == "" {
			ns = `""`
		}
		d.err = d.syntaxError("element <" + s.name.Local + "> in space " + s.name.Space +
			" closed by </" + name.Local + "> in space " + ns)
		return false
	}
	d.translate(&t.Name, true)
	for n := len(d.stk); n > 0 && d.stk[n-1].kind == stkNs; n = len(d.stk) {
		e, _ := d.pop()
		if e.ok {
			d.ns[e.name.Local] = e.name.Space
		} else {
			delete(d.ns, e.name.Local)
		}
	}
	return true
}

// autoClose invents the end tag of an open AutoClose element that t
// does not close.
func (d *Decoder) autoClose(t Token) (Token, bool) {
	n := len(d.stk)
	if n == 0 || d.stk[n-1].kind != stkStart {
		return nil, false
	}
	top := d.stk[n-1].name
	for _, s := range d.AutoClose {
		if strings.EqualFold(s, top.Local) {
			et, ok := t.(EndElement)
			if !ok || !strings.EqualFold(et.Name.Local, top.Local) {
				return EndElement{top}, true
			}
			break
		}
	}
	return nil, false
}

// HTMLAutoClose lists HTML's elements without an end tag (those HTML 4
// declares EMPTY), for AutoClose.
var HTMLAutoClose []string = htmlAutoClose

var htmlAutoClose = []string{
	"basefont", "br", "area", "link", "img", "param", "hr", "input",
	"col", "frame", "isindex", "base", "meta",
}

var errRawToken = errors.New("xml: cannot use RawToken from UnmarshalXML method")

// RawToken is Token without the nesting check and the name space
// translation.
func (d *Decoder) RawToken() (Token, error) {
	if d.inUnmarshalXML {
		return nil, errRawToken
	}
	return d.rawToken()
}

func (d *Decoder) rawToken() (Token, error) {
	if d.t != nil {
		return d.t.Token()
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.needClose {
		// The second half of a self-closing element.
		d.needClose = false
		return EndElement{d.toClose}, nil
	}
	b, ok := d.getc()
	if !ok {
		return nil, d.err
	}
	if b != '<' {
		d.ungetc(b)
		data := d.text(-1, false)
		if data == nil {
			return nil, d.err
		}
		return CharData(data), nil
	}
	if b, ok = d.mustgetc(); !ok {
		return nil, d.err
	}
	switch b {
	case '/':
		return d.endTag()
	case '?':
		return d.procInst()
	case '!':
		return d.bang()
	}
	d.ungetc(b)
	return d.startTag()
}

// endTag reads the rest of </name>.
func (d *Decoder) endTag() (Token, error) {
	name, ok := d.nsname()
	if !ok {
		if d.err == nil {
			d.err = d.syntaxError("expected element name after </")
		}
		return nil, d.err
	}
	d.space()
	b, ok := d.mustgetc()
	if !ok {
		return nil, d.err
	}
	if b != '>' {
		d.err = d.syntaxError("invalid characters between </" + name.Local + " and >")
		return nil, d.err
	}
	return EndElement{name}, nil
}

// procInst reads the rest of <?target inst?>, checking the version and
// encoding of an xml declaration.
func (d *Decoder) procInst() (Token, error) {
	target, ok := d.name()
	if !ok {
		if d.err == nil {
			d.err = d.syntaxError("expected target name after <?")
		}
		return nil, d.err
	}
	d.space()
	d.buf.Reset()
	var prev byte
	for {
		b, ok := d.mustgetc()
		if !ok {
			return nil, d.err
		}
		d.buf.WriteByte(b)
		if prev == '?' && b == '>' {
			break
		}
		prev = b
	}
	data := d.buf.Bytes()
	data = data[:len(data)-2]
	if target == "xml" {
		content := string(data)
		if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
			d.err = fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
			return nil, d.err
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
			if d.CharsetReader == nil {
				d.err = fmt.Errorf("xml: encoding %q declared but Decoder.CharsetReader is nil", enc)
				return nil, d.err
			}
			newr, err := d.CharsetReader(enc, d.r.(io.Reader))
			if err != nil {
				d.err = fmt.Errorf("xml: opening charset %q: %w", enc, err)
				return nil, d.err
			}
			if newr == nil {
				panic("CharsetReader returned a nil Reader for charset " + enc)
			}
			d.switchToReader(newr)
		}
	}
	return ProcInst{target, data}, nil
}

// bang reads what follows <!: a comment, a CDATA section or a directive.
func (d *Decoder) bang() (Token, error) {
	b, ok := d.mustgetc()
	if !ok {
		return nil, d.err
	}
	switch b {
	case '-':
		if b, ok = d.mustgetc(); !ok {
			return nil, d.err
		}
		if b != '-' {
			d.err = d.syntaxError("invalid sequence <!- not part of <!--")
			return nil, d.err
		}
		d.buf.Reset()
		var b0, b1 byte
		for {
			if b, ok = d.mustgetc(); !ok {
				return nil, d.err
			}
			d.buf.WriteByte(b)
			if b0 == '-' && b1 == '-' {
				if b != '>' {
					d.err = d.syntaxError(`invalid sequence "--" not allowed in comments`)
					return nil, d.err
				}
				break
			}
			b0, b1 = b1, b
		}
		data := d.buf.Bytes()
		return Comment(data[:len(data)-3]), nil
	case '[':
		for i := 0; i < len("CDATA["); i++ {
			if b, ok = d.mustgetc(); !ok {
				return nil, d.err
			}
			if b != "CDATA["[i] {
				d.err = d.syntaxError("invalid <![ sequence")
				return nil, d.err
			}
		}
		data := d.text(-1, true)
		if data == nil {
			return nil, d.err
		}
		return CharData(data), nil
	}
	return d.directive(b)
}

// directive reads a directive (<!DOCTYPE ...>) whose first byte is b:
// up to the > that closes it, where quoted brackets do not count and a
// comment inside becomes one space.
func (d *Decoder) directive(b byte) (Token, error) {
	d.buf.Reset()
	d.buf.WriteByte(b)
	var quote byte
	depth := 0
	for {
		b, ok := d.mustgetc()
		if !ok {
			return nil, d.err
		}
		if quote == 0 && b == '>' && depth == 0 {
			break
		}
		for {
			d.buf.WriteByte(b)
			switch {
			case b == quote:
				quote = 0
			case quote != 0:
			case b == '\'' || b == '"':
				quote = b
			case b == '>':
				depth--
			case b == '<':
				// A comment, or a nested bracket.
				const open = "!--"
				matched := 0
				for matched < len(open) {
					if b, ok = d.mustgetc(); !ok {
						return nil, d.err
					}
					if b != open[matched] {
						break
					}
					matched++
				}
				if matched < len(open) {
					d.buf.WriteString(open[:matched])
					depth++
					// b is not part of the comment opener: look at it
					// afresh.
					continue
				}
				d.buf.Truncate(d.buf.Len() - 1)
				var b0, b1 byte
				for {
					if b, ok = d.mustgetc(); !ok {
						return nil, d.err
					}
					if b0 == '-' && b1 == '-' && b == '>' {
						break
					}
					b0, b1 = b1, b
				}
				d.buf.WriteByte(' ')
			}
			break
		}
	}
	return Directive(d.buf.Bytes()), nil
}

// startTag reads an element's start tag after its <.
func (d *Decoder) startTag() (Token, error) {
	name, ok := d.nsname()
	if !ok {
		if d.err == nil {
			d.err = d.syntaxError("expected element name after <")
		}
		return nil, d.err
	}
	attr := []Attr{}
	empty := false
	for {
		d.space()
		b, ok := d.mustgetc()
		if !ok {
			return nil, d.err
		}
		if b == '/' {
			empty = true
			if b, ok = d.mustgetc(); !ok {
				return nil, d.err
			}
			if b != '>' {
				d.err = d.syntaxError("expected /> in element")
				return nil, d.err
			}
			break
		}
		if b == '>' {
			break
		}
		d.ungetc(b)
		var a Attr
		if a.Name, ok = d.nsname(); !ok {
			if d.err == nil {
				d.err = d.syntaxError("expected attribute name in element")
			}
			return nil, d.err
		}
		d.space()
		if b, ok = d.mustgetc(); !ok {
			return nil, d.err
		}
		if b != '=' {
			if d.Strict {
				d.err = d.syntaxError("attribute name without = in element")
				return nil, d.err
			}
			d.ungetc(b)
			a.Value = a.Name.Local
		} else {
			d.space()
			data := d.attrval()
			if data == nil {
				return nil, d.err
			}
			a.Value = string(data)
		}
		attr = append(attr, a)
	}
	if empty {
		d.needClose = true
		d.toClose = name
	}
	return StartElement{name, attr}, nil
}

func (d *Decoder) attrval() []byte {
	b, ok := d.mustgetc()
	if !ok {
		return nil
	}
	if b == '"' || b == '\'' {
		return d.text(int(b), false)
	}
	if d.Strict {
		d.err = d.syntaxError("unquoted or missing attribute value in element")
		return nil
	}
	// An unquoted value, as HTML allows.
	d.ungetc(b)
	d.buf.Reset()
	for {
		b, ok = d.mustgetc()
		if !ok {
			return nil
		}
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' ||
			b == '_' || b == ':' || b == '-' {
			d.buf.WriteByte(b)
		} else {
			d.ungetc(b)
			break
		}
	}
	return d.buf.Bytes()
}

func (d *Decoder) space() {
	for {
		b, ok := d.getc()
		if !ok {
			return
		}
		if b != ' ' && b != '\r' && b != '\n' && b != '\t' {
			d.ungetc(b)
			return
		}
	}
}

// getc reads one byte, counting lines; false leaves the error in d.err.
func (d *Decoder) getc() (byte, bool) {
	if d.err != nil {
		return 0, false
	}
	var b byte
	if d.nextByte >= 0 {
		b = byte(d.nextByte)
		d.nextByte = -1
	} else {
		b, d.err = d.r.ReadByte()
		if d.err != nil {
			return 0, false
		}
		if d.saved != nil {
			d.saved.WriteByte(b)
		}
	}
	if b == '\n' {
		d.line++
		d.linestart = d.offset + 1
	}
	d.offset++
	return b, true
}

// InputOffset is the input offset of the end of the last token read.
func (d *Decoder) InputOffset() int64 {
	return d.offset
}

// InputPos is the line and the 1-based column of the end of the last
// token read.
func (d *Decoder) InputPos() (line, column int) {
	return d.line, int(d.offset-d.linestart) + 1
}

// savedOffset is the length of saved input not counting an unread byte.
func (d *Decoder) savedOffset() int {
	n := d.saved.Len()
	if d.nextByte >= 0 {
		n--
	}
	return n
}

// mustgetc is getc where the end of the input is a syntax error.
func (d *Decoder) mustgetc() (byte, bool) {
	b, ok := d.getc()
	if !ok && d.err == io.EOF {
		d.err = d.syntaxError("unexpected EOF")
	}
	return b, ok
}

func (d *Decoder) ungetc(b byte) {
	if b == '\n' {
		d.line--
	}
	d.nextByte = int(b)
	d.offset--
}

// entityText is the text of a predefined or Entity-defined entity.
func (d *Decoder) entityText(name string) (string, bool) {
	switch name {
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "amp":
		return "&", true
	case "apos":
		return "'", true
	case "quot":
		return `"`, true
	}
	if d.Entity != nil {
		s, ok := d.Entity[name]
		return s, ok
	}
	return "", false
}

// text reads character data: up to the closing quote (quote >= 0), to
// ]]> (cdata), or to the next < (left unread). Entities are replaced and
// \r and \r\n become \n. nil on failure, with d.err set.
func (d *Decoder) text(quote int, cdata bool) []byte {
	var b0, b1 byte
	trunc := 0
	d.buf.Reset()
	for {
		b, ok := d.getc()
		if !ok {
			if cdata {
				if d.err == io.EOF {
					d.err = d.syntaxError("unexpected EOF in CDATA section")
				}
				return nil
			}
			break
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break
			}
			d.err = d.syntaxError("unescaped ]]> not in CDATA section")
			return nil
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				d.err = d.syntaxError("unescaped < inside quoted string")
				return nil
			}
			d.ungetc('<')
			break
		}
		if quote >= 0 && b == byte(quote) {
			break
		}
		if b == '&' && !cdata {
			if !d.entity() {
				return nil
			}
			b0, b1 = 0, 0
			continue
		}
		if b == '\r' {
			d.buf.WriteByte('\n')
		} else if b1 == '\r' && b == '\n' {
			// The \n of \r\n, written already.
		} else {
			d.buf.WriteByte(b)
		}
		b0, b1 = b1, b
	}
	data := d.buf.Bytes()
	data = data[:len(data)-trunc]
	for rest := data; len(rest) > 0; {
		if c := rest[0]; c >= 0x20 && c < utf8.RuneSelf || c == '\n' || c == '\t' || c == '\r' {
			// ASCII that XML allows: the common case, without decoding.
			rest = rest[1:]
			continue
		}
		r, size := utf8.DecodeRune(rest)
		if r == utf8.RuneError && size == 1 {
			d.err = d.syntaxError("invalid UTF-8")
			return nil
		}
		rest = rest[size:]
		if !isInCharacterRange(r) {
			d.err = d.syntaxError(fmt.Sprintf("illegal character code %U", r))
			return nil
		}
	}
	return data
}

// entity reads the reference after an & into d.buf: its text when it is
// known, else (not Strict) itself; false with d.err set otherwise.
func (d *Decoder) entity() bool {
	before := d.buf.Len()
	d.buf.WriteByte('&')
	text, have := "", false
	b, ok := d.mustgetc()
	if !ok {
		return false
	}
	if b == '#' {
		d.buf.WriteByte(b)
		if b, ok = d.mustgetc(); !ok {
			return false
		}
		base := 10
		if b == 'x' {
			base = 16
			d.buf.WriteByte(b)
			if b, ok = d.mustgetc(); !ok {
				return false
			}
		}
		start := d.buf.Len()
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			d.buf.WriteByte(b)
			if b, ok = d.mustgetc(); !ok {
				return false
			}
		}
		if b != ';' {
			d.ungetc(b)
		} else {
			s := string(d.buf.Bytes()[start:])
			d.buf.WriteByte(';')
			if n, err := strconv.ParseUint(s, base, 64); err == nil && n <= unicode.MaxRune {
				text, have = string(rune(n)), true
			}
		}
	} else {
		d.ungetc(b)
		if !d.readName() && d.err != nil {
			return false
		}
		if b, ok = d.mustgetc(); !ok {
			return false
		}
		if b != ';' {
			d.ungetc(b)
		} else {
			name := d.buf.Bytes()[before+1:]
			d.buf.WriteByte(';')
			if isName(name) {
				text, have = d.entityText(string(name))
			}
		}
	}
	if have {
		d.buf.Truncate(before)
		d.buf.WriteString(text)
		return true
	}
	if !d.Strict {
		return true
	}
	ent := string(d.buf.Bytes()[before:])
	if ent[len(ent)-1] != ';' {
		ent += " (no semicolon)"
	}
	d.err = d.syntaxError("invalid character entity " + ent)
	return false
}

// isInCharacterRange reports whether r is an XML Char (XML 1.0, 2.2).
func isInCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// nsname reads a name, split at its one colon into prefix and local
// part.
func (d *Decoder) nsname() (Name, bool) {
	s, ok := d.name()
	if !ok {
		return Name{}, false
	}
	if strings.Count(s, ":") > 1 {
		return Name{}, false
	}
	space, local, found := strings.Cut(s, ":")
	if !found || space == "" || local == "" {
		return Name{Local: s}, true
	}
	return Name{Space: space, Local: local}, true
}

// name reads a name. A missing one leaves d.err unset (unless the input
// ended) for the caller's message; an invalid one is a syntax error.
func (d *Decoder) name() (string, bool) {
	d.buf.Reset()
	if !d.readName() {
		return "", false
	}
	b := d.buf.Bytes()
	if !isName(b) {
		d.err = d.syntaxError("invalid XML name: " + string(b))
		return "", false
	}
	return string(b), true
}

// readName appends to d.buf the bytes up to the first single-byte
// character that cannot be in a name (multi-byte ones are checked by
// isName).
func (d *Decoder) readName() bool {
	b, ok := d.mustgetc()
	if !ok {
		return false
	}
	if b < utf8.RuneSelf && !isNameByte(b) {
		d.ungetc(b)
		return false
	}
	d.buf.WriteByte(b)
	for {
		if b, ok = d.mustgetc(); !ok {
			return false
		}
		if b < utf8.RuneSelf && !isNameByte(b) {
			d.ungetc(b)
			return true
		}
		d.buf.WriteByte(b)
	}
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

func isName(s []byte) bool {
	return isNameString(string(s))
}

// isNameString reports whether s is an XML Name: a first character
// (Letter, _ or :) and then name characters.
func isNameString(s string) bool {
	if len(s) == 0 {
		return false
	}
	for i, c := range s {
		if c < utf8.RuneSelf {
			// ASCII: a name byte, and not a digit, '.' or '-' first.
			if !isNameByte(byte(c)) || i == 0 && (c >= '0' && c <= '9' || c == '.' || c == '-') {
				return false
			}
			continue
		}
		if c == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return false
			}
		}
		if i == 0 && !unicode.Is(nameFirst, c) || i > 0 && !unicode.Is(nameChar, c) {
			return false
		}
	}
	return true
}

// procInstParam is the value of param="..." (or '...') in s, "" if
// there is none.
func procInstParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// EscapeText writes s to w with XML's special characters escaped.
func EscapeText(w io.Writer, s []byte) error {
	return escapeText(w, s, true)
}

// Escape is EscapeText without its error.
func Escape(w io.Writer, s []byte) {
	EscapeText(w, s)
}

// escapeFor is the escape of rune r (width bytes wide), "" if it is
// written as it is. Quotes are &#34; and &#39;, shorter than the names;
// characters outside XML's range become U+FFFD.
func escapeFor(r rune, width int, escapeNewline bool) string {
	switch r {
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '\t':
		return "&#x9;"
	case '\n':
		if escapeNewline {
			return "&#xA;"
		}
		return ""
	case '\r':
		return "&#xD;"
	}
	if !isInCharacterRange(r) || r == utf8.RuneError && width == 1 {
		return "\uFFFD"
	}
	return ""
}

func escapeText(w io.Writer, s []byte, escapeNewline bool) error {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRune(s[i:])
		i += width
		esc := escapeFor(r, width, escapeNewline)
		if esc == "" {
			continue
		}
		if _, err := w.Write(s[last : i-width]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, esc); err != nil {
			return err
		}
		last = i
	}
	_, err := w.Write(s[last:])
	return err
}

// emitCDATA writes s as a CDATA section, splitting it where s holds ]]>.
func emitCDATA(w io.Writer, s []byte) error {
	if len(s) == 0 {
		return nil
	}
	if _, err := io.WriteString(w, "<![CDATA["); err != nil {
		return err
	}
	for {
		before, after, ok := bytes.Cut(s, []byte("]]>"))
		if !ok {
			break
		}
		if _, err := w.Write(before); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "]]]]><![CDATA[>"); err != nil {
			return err
		}
		s = after
	}
	if _, err := w.Write(s); err != nil {
		return err
	}
	_, err := io.WriteString(w, "]]>")
	return err
}
