// Unmarshaling. DecodeElement reads the tokens of one element with the
// Decoder (Token: nesting checked, name spaces translated), recording
// them and the raw input read meanwhile (for ",innerxml" fields); the
// native unmarshal then stores them into the value by its runtime type,
// as Go's walk does token by token. When the input fails inside the
// element, the native stores what came before the failure and then the
// Decoder's error is returned, as Go's walk would have met it there.

package xml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// The tokens of an element, as the native reads them (the encoding of
// marshal.go's operations).
const (
	tokStart     = 1 // name, attributes (count, then name and value), raw offset after the tag
	tokEnd       = 2 // name, raw offset before the tag
	tokChar      = 3 // text
	tokComment   = 4 // text
	tokProcInst  = 5 // target, instruction
	tokDirective = 6 // text
)

// unmarshal's error kinds.
const (
	uOK         = 0
	uStreamEnd  = 1 // the tokens ran out: the Decoder's error
	uPlain      = 2 // errors.New(msg)
	uUnmarshal  = 3 // UnmarshalError(msg)
	uNumError   = 4 // strconv's error: func, number, "syntax" or "range", NUL-separated
	uCause      = 5 // the error a method returned
	uTagPath    = 6 // as marshal's errTagPath
	uNonPointer = 7
	uNilPointer = 8
)

func unmarshal(v any, toks []byte, raw []byte, callXML func(v any, at int) (int, error)) (kind int, msg string, cause error)

// checkTarget: uNonPointer, uNilPointer or uOK for Unmarshal's v.
func checkTarget(v any) int

// Unmarshal parses the XML in data into the value v points to.
func Unmarshal(data []byte, v any) error {
	return NewDecoder(bytes.NewReader(data)).Decode(v)
}

// Decode is Unmarshal of the next element of the stream.
func (d *Decoder) Decode(v any) error {
	return d.DecodeElement(v, nil)
}

// An UnmarshalError is an error in the unmarshaling process.
type UnmarshalError string

func (e UnmarshalError) Error() string { return string(e) }

// Unmarshaler is implemented by types that read themselves from an XML
// element. The method reads the element's tokens from a Decoder that
// replays them (see DecodeElement).
type Unmarshaler interface {
	UnmarshalXML(d *Decoder, start StartElement) error
}

// UnmarshalerAttr is implemented by types that read themselves from an
// attribute.
type UnmarshalerAttr interface {
	UnmarshalXMLAttr(attr Attr) error
}

// DecodeElement is Unmarshal of the element whose start tag the caller
// has read (the next one if start is nil).
func (d *Decoder) DecodeElement(v any, start *StartElement) error {
	switch checkTarget(v) {
	case uNonPointer:
		return errors.New("non-pointer passed to Unmarshal")
	case uNilPointer:
		return errors.New("nil pointer passed to Unmarshal")
	}
	if start == nil {
		for {
			tok, err := d.Token()
			if err != nil {
				return err
			}
			if t, ok := tok.(StartElement); ok {
				start = &t
				break
			}
		}
	}
	// The raw input read meanwhile, and the offsets in it after each
	// start tag and before each end tag (for ",innerxml"): saved as
	// the Decoder reads it, or, in an UnmarshalXML method's replay, the
	// outer element's raw input with the offsets recorded for it.
	rp, replaying := d.t.(*replay)
	var w opWriter
	outer := d.saved
	if replaying {
		recordStart(&w, start, rp.off(rp.i-1))
	} else {
		d.saved = new(bytes.Buffer)
		recordStart(&w, start, 0)
	}
	var readErr error
	for depth := 1; depth > 0; {
		before := 0
		if !replaying {
			before = d.savedOffset()
		}
		tok, err := d.Token()
		if err != nil {
			readErr = err
			break
		}
		after := 0
		if replaying {
			before = rp.off(rp.i - 1)
			after = before
		} else {
			after = d.savedOffset()
		}
		switch t := tok.(type) {
		case StartElement:
			recordStart(&w, &t, after)
			depth++
		case EndElement:
			w.uint(tokEnd)
			w.name(t.Name)
			w.uint(before)
			depth--
		case CharData:
			w.uint(tokChar)
			w.str(string(t))
		case Comment:
			w.uint(tokComment)
			w.str(string(t))
		case ProcInst:
			w.uint(tokProcInst)
			w.str(t.Target)
			w.str(string(t.Inst))
		case Directive:
			w.uint(tokDirective)
			w.str(string(t))
		}
	}
	var raw []byte
	if replaying {
		raw = rp.raw
	} else {
		raw = d.saved.Bytes()
		if outer != nil {
			outer.Write(raw)
		}
		d.saved = outer
	}
	// UnmarshalXML methods read the tokens of their element again,
	// from toks[at] on: the native goes on after the last one read.
	var toks []Token
	var offs []int
	callXML := func(v any, at int) (int, error) {
		if toks == nil {
			toks, offs = decodeTokens(w.b)
		}
		rd := &replay{toks: toks, offs: offs, raw: raw, i: at + 1, err: readErr}
		d2 := NewTokenDecoder(rd)
		start := toks[at].(StartElement)
		d2.push(stackEntry{kind: stkStart, name: start.Name})
		d2.pushEOF()
		d2.inUnmarshalXML = true
		if err := v.(Unmarshaler).UnmarshalXML(d2, start); err != nil {
			return 0, err
		}
		if !d2.popEOF() {
			return 0, fmt.Errorf("xml: %s.UnmarshalXML did not consume entire <%s> element", receiverType(v), start.Name.Local)
		}
		return rd.i, nil
	}
	kind, msg, cause := unmarshal(v, w.b, raw, callXML)
	switch kind {
	case uOK:
		return nil
	case uStreamEnd:
		return readErr
	case uUnmarshal:
		return UnmarshalError(msg)
	case uNumError:
		f := split0(msg)
		e := strconv.ErrSyntax
		if f[2] == "range" {
			e = strconv.ErrRange
		}
		return &strconv.NumError{Func: f[0], Num: f[1], Err: e}
	case uCause:
		return cause
	case uTagPath:
		return marshalError(errTagPath, msg)
	}
	return errors.New(msg)
}

// replay yields recorded tokens, then the error that ended them. Each
// token has its offset in raw (after a start tag, before an end tag).
type replay struct {
	toks []Token
	offs []int
	raw  []byte
	i    int
	err  error
}

func (r *replay) off(i int) int {
	if i < 0 || i >= len(r.offs) {
		return 0
	}
	return r.offs[i]
}

func (r *replay) Token() (Token, error) {
	if r.i >= len(r.toks) {
		if r.err != nil {
			return nil, r.err
		}
		return nil, io.EOF
	}
	r.i++
	return CopyToken(r.toks[r.i-1]), nil
}

// decodeTokens turns recorded tokens back into Tokens, with their raw
// offsets (0 for those without).
func decodeTokens(b []byte) ([]Token, []int) {
	var toks []Token
	var offs []int
	r := &opReader{b: b}
	for r.i < len(r.b) {
		off := 0
		switch r.uint() {
		case tokStart:
			var t StartElement
			t.Name = r.name()
			t.Attr = make([]Attr, r.uint())
			for i := range t.Attr {
				t.Attr[i].Name = r.name()
				t.Attr[i].Value = r.str()
			}
			off = r.uint()
			toks = append(toks, t)
		case tokEnd:
			toks = append(toks, EndElement{r.name()})
			off = r.uint()
		case tokChar:
			toks = append(toks, CharData(r.bytes()))
		case tokComment:
			toks = append(toks, Comment(r.bytes()))
		case tokProcInst:
			target := r.str()
			toks = append(toks, ProcInst{target, r.bytes()})
		case tokDirective:
			toks = append(toks, Directive(r.bytes()))
		}
		offs = append(offs, off)
	}
	return toks, offs
}

func recordStart(w *opWriter, t *StartElement, after int) {
	w.uint(tokStart)
	w.name(t.Name)
	w.uint(len(t.Attr))
	for _, a := range t.Attr {
		w.name(a.Name)
		w.str(a.Value)
	}
	w.uint(after)
}

// Skip reads tokens up to the end of the element whose start tag was
// read last.
func (d *Decoder) Skip() error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case StartElement:
			depth++
		case EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}
