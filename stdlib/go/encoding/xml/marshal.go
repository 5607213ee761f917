// Marshaling. The native marshal walks a value by its runtime type (the
// fields' xml tags as the type descriptors keep them) and returns what
// to write as a list of operations: start an element, end one, write
// text, a comment, raw inner XML, or call one of the value's methods
// (MarshalXML, MarshalXMLAttr, MarshalText, given as vals[i]); an error
// ends the list where Go's walk would have stopped. The printer below
// carries them out in order, so a method runs when Go would run it and
// writes through the same Encoder, indentation and checks as Go's.

package xml

import (
	"bufio"
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Header is a generic XML declaration to put before Marshal's output.
const Header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func marshal(v any, tmpl []byte) (ops []byte, vals []any)

// The operations of marshal's list, shared with the native. Each is a
// byte, then its operands: names as two strings (space, local), strings
// as a uvarint length and the bytes, numbers as uvarints.
const (
	opStart      = 1  // name, flags, attributes (see readStart)
	opEnd        = 2  // name
	opText       = 3  // text, escaped
	opCDATA      = 4  // text in a CDATA section
	opComment    = 5  // text (not empty)
	opRaw        = 6  // inner XML, as it is
	opError      = 7  // error kind, message
	opMarshalXML = 8  // value index, start element: vals[i].MarshalXML
	opTextElem   = 9  // value index, start element: an element of vals[i].MarshalText()
	opTextData   = 10 // value index, cdata flag: vals[i].MarshalText() as character data
)

// Attribute kinds in a start element.
const (
	attrPlain      = 0 // name, value
	attrMarshalXML = 1 // name, value index: vals[i].MarshalXMLAttr(name)
	attrText       = 2 // name, value index: vals[i].MarshalText()
)

// Flags of a start element.
const (
	// startResetNs: the element's struct has an XMLName field with no
	// name; inside a parent in a name space, it gets xmlns="".
	startResetNs = 1
)

// Error kinds.
const (
	errUnsupportedType = 1 // the type's name
	errPlain           = 2 // the message
	errTagPath         = 3 // struct, field1, tag1, field2, tag2, split by NULs
)

// Marshal returns the XML encoding of v.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// MarshalIndent is Marshal with each element on a new line that starts
// with prefix and one indent per level of nesting.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := NewEncoder(&b)
	enc.Indent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Marshaler is implemented by types that write themselves as XML.
type Marshaler interface {
	MarshalXML(e *Encoder, start StartElement) error
}

// MarshalerAttr is implemented by types that write themselves as an
// attribute.
type MarshalerAttr interface {
	MarshalXMLAttr(name Name) (Attr, error)
}

// An UnsupportedTypeError is returned by Marshal for a type it cannot
// encode. gol keeps the type's name where Go keeps a reflect.Type.
type UnsupportedTypeError struct {
	typ string
}

func (e *UnsupportedTypeError) Error() string {
	return "xml: unsupported type: " + e.typ
}

// A TagPathError reports two fields whose tag paths conflict.
type TagPathError struct {
	structName   string
	Field1, Tag1 string
	Field2, Tag2 string
}

func (e *TagPathError) Error() string {
	return fmt.Sprintf("%s field %q with tag %q conflicts with field %q with tag %q", e.structName, e.Field1, e.Tag1, e.Field2, e.Tag2)
}

// An Encoder writes XML to an output stream.
type Encoder struct {
	p printer
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	e := &Encoder{printer{w: bufio.NewWriter(w)}}
	e.p.encoder = e
	return e
}

// Indent makes the Encoder start each element on a new line with prefix
// and one indent per level of nesting.
func (enc *Encoder) Indent(prefix, indent string) {
	enc.p.prefix = prefix
	enc.p.indent = indent
}

// Encode writes the XML encoding of v, then flushes.
func (enc *Encoder) Encode(v any) error {
	ops, vals := marshal(v, nil)
	if err := enc.p.run(ops, vals); err != nil {
		return err
	}
	return enc.p.w.Flush()
}

// EncodeElement writes the XML encoding of v with start as its outermost
// tag, then flushes.
func (enc *Encoder) EncodeElement(v any, start StartElement) error {
	if start.Name.Local == "" {
		return errors.New("xml: EncodeElement of StartElement with missing name")
	}
	var t opWriter
	t.name(start.Name)
	t.uint(0)
	t.uint(len(start.Attr))
	for _, a := range start.Attr {
		t.uint(attrPlain)
		t.name(a.Name)
		t.str(a.Value)
	}
	ops, vals := marshal(v, t.b)
	if err := enc.p.run(ops, vals); err != nil {
		return err
	}
	return enc.p.w.Flush()
}

// EncodeToken writes one token; start and end elements must match. It
// does not flush.
func (enc *Encoder) EncodeToken(t Token) error {
	p := &enc.p
	switch t := t.(type) {
	case StartElement:
		if err := p.writeStart(&t); err != nil {
			return err
		}
	case EndElement:
		if err := p.writeEnd(t.Name); err != nil {
			return err
		}
	case CharData:
		escapeText(p, t, false)
	case Comment:
		if bytes.Contains(t, []byte("-->")) {
			return errors.New("xml: EncodeToken of Comment containing --> marker")
		}
		p.WriteString("<!--")
		p.Write(t)
		p.WriteString("-->")
		return p.cachedWriteError()
	case ProcInst:
		// An xml declaration only as the first token.
		if t.Target == "xml" && p.w.Buffered() != 0 {
			return errors.New("xml: EncodeToken of ProcInst xml target only valid for xml declaration, first token encoded")
		}
		if !isNameString(t.Target) {
			return errors.New("xml: EncodeToken of ProcInst with invalid Target")
		}
		if bytes.Contains(t.Inst, []byte("?>")) {
			return errors.New("xml: EncodeToken of ProcInst containing ?> marker")
		}
		p.WriteString("<?")
		p.WriteString(t.Target)
		if len(t.Inst) > 0 {
			p.WriteByte(' ')
			p.Write(t.Inst)
		}
		p.WriteString("?>")
	case Directive:
		if !isValidDirective(t) {
			return errors.New("xml: EncodeToken of Directive containing wrong < or > markers")
		}
		p.WriteString("<!")
		p.Write(t)
		p.WriteString(">")
	default:
		return errors.New("xml: EncodeToken of invalid token type")
	}
	return p.cachedWriteError()
}

// isValidDirective reports whether the angle brackets of dir match,
// outside comments and quotes.
func isValidDirective(dir Directive) bool {
	depth := 0
	var quote byte
	inComment := false
	for i, c := range dir {
		switch {
		case inComment:
			if c == '>' && i >= 2 && dir[i-1] == '-' && dir[i-2] == '-' {
				inComment = false
			}
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '<':
			if i+4 < len(dir) && string(dir[i:i+4]) == "<!--" {
				inComment = true
			} else {
				depth++
			}
		case c == '>':
			if depth == 0 {
				return false
			}
			depth--
		}
	}
	return depth == 0 && quote == 0 && !inComment
}

// Flush writes out what is buffered.
func (enc *Encoder) Flush() error {
	return enc.p.w.Flush()
}

// Close flushes and reports an element left open. Later writes fail.
func (enc *Encoder) Close() error {
	return enc.p.Close()
}

type printer struct {
	w          *bufio.Writer
	encoder    *Encoder
	seq        int
	indent     string
	prefix     string
	depth      int
	indentedIn bool
	putNewline bool
	attrNS     map[string]string // prefix -> name space
	attrPrefix map[string]string // name space -> prefix
	prefixes   []string
	tags       []Name
	closed     bool
	err        error
}

// createAttrPrefix returns the prefix for attributes in name space url,
// declaring a new one (xmlns:prefix="url" inside the open tag) when
// needed: the last element of the URL's path, made a valid name.
func (p *printer) createAttrPrefix(url string) string {
	if prefix := p.attrPrefix[url]; prefix != "" {
		return prefix
	}
	if url == xmlURL {
		return xmlPrefix
	}
	if p.attrPrefix == nil {
		p.attrPrefix = make(map[string]string)
		p.attrNS = make(map[string]string)
	}
	prefix := strings.TrimRight(url, "/")
	if i := strings.LastIndex(prefix, "/"); i >= 0 {
		prefix = prefix[i+1:]
	}
	if prefix == "" || !isNameString(prefix) || strings.Contains(prefix, ":") {
		prefix = "_"
	}
	// Names starting with xml, in any case, are reserved.
	if len(prefix) >= 3 && strings.EqualFold(prefix[:3], "xml") {
		prefix = "_" + prefix
	}
	if p.attrNS[prefix] != "" {
		for p.seq++; ; p.seq++ {
			if id := prefix + "_" + strconv.Itoa(p.seq); p.attrNS[id] == "" {
				prefix = id
				break
			}
		}
	}
	p.attrPrefix[url] = prefix
	p.attrNS[prefix] = url
	p.WriteString(`xmlns:`)
	p.WriteString(prefix)
	p.WriteString(`="`)
	EscapeText(p, []byte(url))
	p.WriteString(`" `)
	p.prefixes = append(p.prefixes, prefix)
	return prefix
}

// popPrefix forgets the prefixes declared since the last mark (an ""
// in prefixes).
func (p *printer) popPrefix() {
	for len(p.prefixes) > 0 {
		prefix := p.prefixes[len(p.prefixes)-1]
		p.prefixes = p.prefixes[:len(p.prefixes)-1]
		if prefix == "" {
			break
		}
		delete(p.attrPrefix, p.attrNS[prefix])
		delete(p.attrNS, prefix)
	}
}

// opReader reads marshal's operations.
type opReader struct {
	b []byte
	i int
}

func (r *opReader) uint() int {
	x, s := 0, 0
	for {
		c := r.b[r.i]
		r.i++
		x |= int(c&0x7f) << s
		if c < 0x80 {
			return x
		}
		s += 7
	}
}

func (r *opReader) bytes() []byte {
	n := r.uint()
	b := r.b[r.i : r.i+n : r.i+n]
	r.i += n
	return b
}

func (r *opReader) str() string { return string(r.bytes()) }

func (r *opReader) name() Name {
	space := r.str()
	return Name{Space: space, Local: r.str()}
}

// opWriter writes the same encoding (EncodeElement's template).
type opWriter struct {
	b []byte
}

func (w *opWriter) uint(x int) {
	for x >= 0x80 {
		w.b = append(w.b, byte(x)|0x80)
		x >>= 7
	}
	w.b = append(w.b, byte(x))
}

func (w *opWriter) str(s string) {
	w.uint(len(s))
	w.b = append(w.b, s...)
}

func (w *opWriter) name(n Name) {
	w.str(n.Space)
	w.str(n.Local)
}

// readStart reads a start element, calling the attribute methods.
func (p *printer) readStart(r *opReader, vals []any) (StartElement, error) {
	var start StartElement
	start.Name = r.name()
	flags := r.uint()
	n := r.uint()
	for i := 0; i < n; i++ {
		kind := r.uint()
		name := r.name()
		switch kind {
		case attrPlain:
			start.Attr = append(start.Attr, Attr{name, r.str()})
		case attrMarshalXML:
			attr, err := vals[r.uint()].(MarshalerAttr).MarshalXMLAttr(name)
			if err != nil {
				return start, err
			}
			if attr.Name.Local != "" {
				start.Attr = append(start.Attr, attr)
			}
		case attrText:
			text, err := vals[r.uint()].(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return start, err
			}
			start.Attr = append(start.Attr, Attr{name, string(text)})
		}
	}
	if flags&startResetNs != 0 && start.Name.Space == "" && len(p.tags) != 0 && p.tags[len(p.tags)-1].Space != "" {
		start.Attr = append(start.Attr, Attr{Name{"", xmlnsPrefix}, ""})
	}
	return start, nil
}

// run carries out marshal's operations.
func (p *printer) run(ops []byte, vals []any) error {
	r := &opReader{b: ops}
	for r.i < len(r.b) {
		op := r.uint()
		switch op {
		case opStart:
			start, err := p.readStart(r, vals)
			if err != nil {
				return err
			}
			if err := p.writeStart(&start); err != nil {
				return err
			}
		case opEnd:
			if err := p.writeEnd(r.name()); err != nil {
				return err
			}
		case opText:
			if err := EscapeText(p, r.bytes()); err != nil {
				return err
			}
		case opCDATA:
			if err := emitCDATA(p, r.bytes()); err != nil {
				return err
			}
		case opComment:
			b := r.bytes()
			p.writeIndent(0)
			p.WriteString("<!--")
			if bytes.Contains(b, []byte("--")) {
				return errors.New(`xml: comments must not contain "--"`)
			}
			p.Write(b)
			if b[len(b)-1] == '-' {
				// "--->" is not allowed: "- -->".
				p.WriteByte(' ')
			}
			p.WriteString("-->")
		case opRaw:
			p.Write(r.bytes())
		case opError:
			kind := r.uint()
			return marshalError(kind, r.str())
		case opMarshalXML:
			v := vals[r.uint()]
			start, err := p.readStart(r, vals)
			if err != nil {
				return err
			}
			if err := p.marshalInterface(v.(Marshaler), start); err != nil {
				return err
			}
		case opTextElem:
			v := vals[r.uint()]
			start, err := p.readStart(r, vals)
			if err != nil {
				return err
			}
			if err := p.marshalTextInterface(v.(encoding.TextMarshaler), start); err != nil {
				return err
			}
		case opTextData:
			v := vals[r.uint()]
			cdata := r.uint() != 0
			data, err := v.(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return err
			}
			if cdata {
				err = emitCDATA(p, data)
			} else {
				err = EscapeText(p, data)
			}
			if err != nil {
				return err
			}
		}
	}
	return p.cachedWriteError()
}

func split0(s string) []string {
	return strings.Split(s, "\x00")
}

func marshalError(kind int, msg string) error {
	switch kind {
	case errUnsupportedType:
		return &UnsupportedTypeError{msg}
	case errTagPath:
		f := split0(msg)
		return &TagPathError{f[0], f[1], f[2], f[3], f[4]}
	}
	return errors.New(msg)
}

// receiverType is the receiver of a method as Go names it in messages:
// "(*T)" for a pointer.
func receiverType(v any) string {
	s := fmt.Sprintf("%T", v)
	if strings.HasPrefix(s, "*") || strings.HasPrefix(s, "[") {
		return "(" + s + ")"
	}
	return s
}

// marshalInterface calls a MarshalXML method, which may close only the
// elements it opened (a marker on tags stops it).
func (p *printer) marshalInterface(val Marshaler, start StartElement) error {
	p.tags = append(p.tags, Name{})
	n := len(p.tags)
	if err := val.MarshalXML(p.encoder, start); err != nil {
		return err
	}
	if len(p.tags) > n {
		return fmt.Errorf("xml: %s.MarshalXML wrote invalid XML: <%s> not closed", receiverType(val), p.tags[len(p.tags)-1].Local)
	}
	p.tags = p.tags[:n-1]
	return nil
}

func (p *printer) marshalTextInterface(val encoding.TextMarshaler, start StartElement) error {
	if err := p.writeStart(&start); err != nil {
		return err
	}
	text, err := val.MarshalText()
	if err != nil {
		return err
	}
	EscapeText(p, text)
	return p.writeEnd(start.Name)
}

func (p *printer) writeStart(start *StartElement) error {
	if start.Name.Local == "" {
		return errors.New("xml: start tag with no name")
	}
	p.tags = append(p.tags, start.Name)
	p.prefixes = append(p.prefixes, "")
	p.writeIndent(1)
	p.WriteByte('<')
	p.WriteString(start.Name.Local)
	if start.Name.Space != "" {
		p.WriteString(` xmlns="`)
		p.EscapeString(start.Name.Space)
		p.WriteByte('"')
	}
	for _, attr := range start.Attr {
		name := attr.Name
		if name.Local == "" {
			continue
		}
		p.WriteByte(' ')
		if name.Space != "" {
			p.WriteString(p.createAttrPrefix(name.Space))
			p.WriteByte(':')
		}
		p.WriteString(name.Local)
		p.WriteString(`="`)
		p.EscapeString(attr.Value)
		p.WriteByte('"')
	}
	p.WriteByte('>')
	return nil
}

func (p *printer) writeEnd(name Name) error {
	if name.Local == "" {
		return errors.New("xml: end tag with no name")
	}
	if len(p.tags) == 0 || p.tags[len(p.tags)-1].Local == "" {
		return fmt.Errorf("xml: end tag </%s> without start tag", name.Local)
	}
	if top := p.tags[len(p.tags)-1]; top != name {
		if top.Local != name.Local {
			return fmt.Errorf("xml: end tag </%s> does not match start tag <%s>", name.Local, top.Local)
		}
		return fmt.Errorf("xml: end tag </%s> in namespace %s does not match start tag <%s> in namespace %s", name.Local, name.Space, top.Local, top.Space)
	}
	p.tags = p.tags[:len(p.tags)-1]
	p.writeIndent(-1)
	p.WriteByte('<')
	p.WriteByte('/')
	p.WriteString(name.Local)
	p.WriteByte('>')
	p.popPrefix()
	return nil
}

// EscapeString writes s with XML's special characters escaped.
func (p *printer) EscapeString(s string) {
	escapeText(p, []byte(s), true)
}

func (p *printer) Write(b []byte) (n int, err error) {
	if p.closed && p.err == nil {
		p.err = errors.New("use of closed Encoder")
	}
	if p.err == nil {
		n, p.err = p.w.Write(b)
	}
	return n, p.err
}

func (p *printer) WriteString(s string) (n int, err error) {
	if p.closed && p.err == nil {
		p.err = errors.New("use of closed Encoder")
	}
	if p.err == nil {
		n, p.err = p.w.WriteString(s)
	}
	return n, p.err
}

func (p *printer) WriteByte(c byte) error {
	if p.closed && p.err == nil {
		p.err = errors.New("use of closed Encoder")
	}
	if p.err == nil {
		p.err = p.w.WriteByte(c)
	}
	return p.err
}

func (p *printer) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	if err := p.w.Flush(); err != nil {
		return err
	}
	if len(p.tags) > 0 {
		return fmt.Errorf("unclosed tag <%s>", p.tags[len(p.tags)-1].Local)
	}
	return nil
}

// cachedWriteError is the writer's first error.
func (p *printer) cachedWriteError() error {
	_, err := p.Write(nil)
	return err
}

// writeIndent starts a line for an element opening (depthDelta 1),
// closing (-1) or a comment (0). An element that closes right after it
// opened stays on its line.
func (p *printer) writeIndent(depthDelta int) {
	if len(p.prefix) == 0 && len(p.indent) == 0 {
		return
	}
	if depthDelta < 0 {
		p.depth--
		if p.indentedIn {
			p.indentedIn = false
			return
		}
		p.indentedIn = false
	}
	if p.putNewline {
		p.WriteByte('\n')
	} else {
		p.putNewline = true
	}
	if len(p.prefix) > 0 {
		p.WriteString(p.prefix)
	}
	if len(p.indent) > 0 {
		for i := 0; i < p.depth; i++ {
			p.WriteString(p.indent)
		}
	}
	if depthDelta > 0 {
		p.depth++
		p.indentedIn = true
	}
}
