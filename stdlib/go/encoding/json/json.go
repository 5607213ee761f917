// Package json: gol's encoding/json. Marshal and Unmarshal walk values by
// the VM's type descriptors in natives (stdlib/src/natives/json.rs),
// which read struct fields' tags from them: no reflect package. This
// file turns the natives' results into Go's error types and adds the
// streaming Encoder and Decoder, Indent, Compact, Valid and RawMessage.
//
// Errors carry the type's name where Go's carry a reflect.Type: Error()
// prints the same text.
package json

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// The runtime types Unmarshal builds for an interface: kept in every
// program that calls it (unmarshalOpts mentions the variable).
var anyTypes = []any{float64(0), "", false, map[string]any{}, []any{}, Number("")}

func marshal(v any, escapeHTML bool) (b []byte, kind int, msg string, cause error)

// unmarshal's opts: the Decoder's UseNumber and DisallowUnknownFields.
const (
	optUseNumber       = 1
	optDisallowUnknown = 2
)

func unmarshal(data []byte, v any, opts int) (kind int, msg string, offset int64, cause error)

func checkValid(data []byte) (msg string, offset int64)

func valueEnd(data []byte) int

func indent(src []byte, prefix string, indent string) []byte

func compact(src []byte) []byte

// Marshaler is implemented by types that marshal themselves into JSON.
type Marshaler interface {
	MarshalJSON() ([]byte, error)
}

// Unmarshaler is implemented by types that unmarshal a JSON description
// of themselves.
type Unmarshaler interface {
	UnmarshalJSON([]byte) error
}

// An UnsupportedTypeError is returned by Marshal for a value of a type it
// cannot encode.
type UnsupportedTypeError struct {
	typ string
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.typ
}

// An UnsupportedValueError is returned by Marshal for a value it cannot
// encode (NaN, infinities, cycles).
type UnsupportedValueError struct {
	Str string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}

// A MarshalerError is the error of a MarshalJSON or MarshalText method.
type MarshalerError struct {
	typ        string
	Err        error
	sourceFunc string
}

func (e *MarshalerError) Error() string {
	srcFunc := e.sourceFunc
	if srcFunc == "" {
		srcFunc = "MarshalJSON"
	}
	return "json: error calling " + srcFunc + " for type " + e.typ + ": " + e.Err.Error()
}

func (e *MarshalerError) Unwrap() error { return e.Err }

// A SyntaxError describes malformed JSON, with the offset after the
// byte where it was found.
type SyntaxError struct {
	msg    string
	Offset int64
}

func (e *SyntaxError) Error() string { return e.msg }

// An UnmarshalTypeError describes a JSON value not appropriate for the
// Go type it was decoded into.
type UnmarshalTypeError struct {
	Value  string
	typ    string
	Offset int64
	Struct string
	Field  string
	Err    error
}

// Error is Go 1.27's message: Struct is the name of the type Unmarshal
// fills and Field the path from it (field names, indices, keys); a path
// ending in an index is not called a struct field.
func (e *UnmarshalTypeError) Error() string {
	var s string
	if e.Struct != "" || e.Field != "" {
		into := "Go struct field "
		last := e.Field[strings.LastIndexByte(e.Field, '.')+1:]
		if last != "" && strings.TrimRight(last, "0123456789") == "" {
			into = ""
		}
		s = "json: cannot unmarshal " + e.Value + " into " + into + e.Struct + "." + e.Field + " of type " + e.typ
	} else {
		s = "json: cannot unmarshal " + e.Value + " into Go value of type " + e.typ
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *UnmarshalTypeError) Unwrap() error { return e.Err }

// An UnmarshalFieldError describes a JSON object key that led to an
// unexported struct field (no longer returned; kept for compatibility).
type UnmarshalFieldError struct {
	Key   string
	field string
	typ   string
}

func (e *UnmarshalFieldError) Error() string {
	return "json: cannot unmarshal object key " + strconv.Quote(e.Key) + " into unexported field " + e.field + " of type " + e.typ
}

// An InvalidUTF8Error was returned by Marshal for invalid UTF-8 before
// Go 1.2 (no longer returned; kept for compatibility).
type InvalidUTF8Error struct {
	S string
}

func (e *InvalidUTF8Error) Error() string {
	return "json: invalid UTF-8 in string: " + strconv.Quote(e.S)
}

// An InvalidUnmarshalError describes an invalid argument to Unmarshal.
type InvalidUnmarshalError struct {
	desc string
}

func (e *InvalidUnmarshalError) Error() string {
	return "json: Unmarshal(" + e.desc + ")"
}

func split0(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func marshalError(kind int, msg string, cause error) error {
	switch kind {
	case 1:
		return &UnsupportedTypeError{msg}
	case 2:
		return &UnsupportedValueError{msg}
	case 3:
		p := split0(msg)
		if len(p) == 3 {
			// The method's output was not valid JSON.
			return &MarshalerError{p[1], &SyntaxError{p[2], 0}, p[0]}
		}
		return &MarshalerError{p[1], cause, p[0]}
	}
	return errors.New(msg)
}

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	b, kind, msg, cause := marshal(v, true)
	if kind != 0 {
		return nil, marshalError(kind, msg, cause)
	}
	return b, nil
}

// MarshalIndent is Marshal with each element on its own line, indented.
func MarshalIndent(v any, prefix string, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	return indentBytes(b, prefix, indent), nil
}

func indentBytes(b []byte, prefix string, ind string) []byte {
	return indent(b, prefix, ind)
}

// Unmarshal parses the JSON-encoded data and stores the result in the
// value pointed to by v.
func Unmarshal(data []byte, v any) error {
	return unmarshalOpts(data, v, 0)
}

func unmarshalOpts(data []byte, v any, opts int) error {
	// Mentioned here so that the program keeps anyTypes, and with it
	// the runtime types the native builds values of.
	_ = anyTypes
	kind, msg, offset, cause := unmarshal(data, v, opts)
	switch kind {
	case 0:
		return nil
	case 4:
		return &SyntaxError{msg, offset}
	case 5:
		p := split0(msg)
		return &UnmarshalTypeError{Value: p[0], typ: p[3], Struct: p[1], Field: p[2]}
	case 6:
		return &InvalidUnmarshalError{msg}
	}
	if cause != nil {
		return cause
	}
	return errors.New(msg)
}

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool {
	msg, _ := checkValid(data)
	return msg == ""
}

// Indent appends to dst an indented form of the JSON-encoded src.
func Indent(dst *bytes.Buffer, src []byte, prefix string, indent string) error {
	if msg, off := checkValid(src); msg != "" {
		return &SyntaxError{msg, off}
	}
	dst.Write(indentBytes(src, prefix, indent))
	return nil
}

// Compact appends to dst the JSON-encoded src with insignificant space
// removed.
func Compact(dst *bytes.Buffer, src []byte) error {
	if msg, off := checkValid(src); msg != "" {
		return &SyntaxError{msg, off}
	}
	dst.Write(compact(src))
	return nil
}

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028 and
// U+2029 escaped.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '<' || c == '>' || c == '&' {
			dst.Write(src[start:i])
			dst.WriteString(`\u00`)
			dst.WriteByte(hex[c>>4])
			dst.WriteByte(hex[c&0xF])
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.WriteString(`\u202`)
			dst.WriteByte(hex[src[i+2]&0xF])
			start = i + 3
		}
	}
	dst.Write(src[start:])
}

// RawMessage is a raw encoded JSON value.
type RawMessage []byte

func (m RawMessage) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	return m, nil
}

func (m *RawMessage) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errors.New("json.RawMessage: UnmarshalJSON on nil pointer")
	}
	*m = append((*m)[0:0], data...)
	return nil
}

// A Number is a JSON number literal.
type Number string

func (n Number) String() string { return string(n) }

func (n Number) Float64() (float64, error) {
	return strconv.ParseFloat(string(n), 64)
}

func (n Number) Int64() (int64, error) {
	return strconv.ParseInt(string(n), 10, 64)
}

// An Encoder writes JSON values to an output stream.
type Encoder struct {
	w          io.Writer
	prefix     string
	indent     string
	escapeHTML bool
}

func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream, then a newline.
func (enc *Encoder) Encode(v any) error {
	b, kind, msg, cause := marshal(v, enc.escapeHTML)
	if kind != 0 {
		return marshalError(kind, msg, cause)
	}
	if enc.prefix != "" || enc.indent != "" {
		b = indentBytes(b, enc.prefix, enc.indent)
	}
	b = append(b, '\n')
	_, err := enc.w.Write(b)
	return err
}

func (enc *Encoder) SetIndent(prefix string, indent string) {
	enc.prefix = prefix
	enc.indent = indent
}

func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.escapeHTML = on
}

// A Decoder reads and decodes JSON values from an input stream. It
// holds the unread input in buf from scanp on; scanned counts the bytes
// dropped before buf (InputOffset is scanned+scanp). Token walks the
// input's structure with Go's state machine (tokenState, and the states
// of the enclosing arrays and objects on tokenStack), which Decode
// respects: inside an array or object it takes the separator before the
// value.
type Decoder struct {
	r          io.Reader
	buf        []byte
	scanp      int
	scanned    int64
	err        error
	opts       int
	tokenState int
	tokenStack []int
}

func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// UseNumber makes Decode unmarshal a number into an interface value as
// a Number instead of a float64.
func (dec *Decoder) UseNumber() { dec.opts |= optUseNumber }

// DisallowUnknownFields makes Decode return an error when an object key
// matches no field of the destination struct.
func (dec *Decoder) DisallowUnknownFields() { dec.opts |= optDisallowUnknown }

func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n')
}

// refill drops the consumed input and reads more after the rest.
func (dec *Decoder) refill() error {
	if dec.scanp > 0 {
		dec.scanned += int64(dec.scanp)
		n := copy(dec.buf, dec.buf[dec.scanp:])
		dec.buf = dec.buf[:n]
		dec.scanp = 0
	}
	const minRead = 512
	if cap(dec.buf)-len(dec.buf) < minRead {
		nb := make([]byte, len(dec.buf), 2*cap(dec.buf)+minRead)
		copy(nb, dec.buf)
		dec.buf = nb
	}
	n, err := dec.r.Read(dec.buf[len(dec.buf):cap(dec.buf)])
	dec.buf = dec.buf[:len(dec.buf)+n]
	return err
}

// peek is the next non-space byte of the input (left unread).
func (dec *Decoder) peek() (byte, error) {
	var err error
	for {
		for i := dec.scanp; i < len(dec.buf); i++ {
			if c := dec.buf[i]; !isSpace(c) {
				dec.scanp = i
				return c, nil
			}
		}
		dec.scanp = len(dec.buf)
		if err != nil {
			return 0, err
		}
		err = dec.refill()
	}
}

// readValue reads the next whole value after scanp (space skipped): its
// length, reading more input until the value ends.
func (dec *Decoder) readValue() (int, error) {
	if _, err := dec.peek(); err != nil {
		if err == io.EOF {
			dec.err = err
		}
		return 0, err
	}
	var err error
	for {
		rest := dec.buf[dec.scanp:]
		n := valueEnd(rest)
		if n == -2 {
			msg, off := checkValid(rest)
			dec.err = &SyntaxError{msg, dec.InputOffset() + off}
			return 0, dec.err
		}
		if n > 0 {
			return n, nil
		}
		if err != nil {
			if err == io.EOF {
				if msg, _ := checkValid(rest); msg == "" {
					return len(rest), nil
				}
				err = io.ErrUnexpectedEOF
			}
			dec.err = err
			return 0, err
		}
		err = dec.refill()
	}
}

// Decode reads the next JSON value from its input and stores it in v.
func (dec *Decoder) Decode(v any) error {
	if dec.err != nil {
		return dec.err
	}
	if err := dec.tokenPrepareForDecode(); err != nil {
		return err
	}
	if !dec.tokenValueAllowed() {
		return &SyntaxError{"not at beginning of value", dec.InputOffset()}
	}
	n, err := dec.readValue()
	if err != nil {
		return err
	}
	val := dec.buf[dec.scanp : dec.scanp+n]
	dec.scanp += n
	err = unmarshalOpts(val, v, dec.opts)
	dec.tokenValueEnd()
	return err
}

// More reports whether there is another element in the current array
// or object being parsed.
func (dec *Decoder) More() bool {
	c, err := dec.peek()
	return err == nil && c != ']' && c != '}'
}

// Buffered returns a reader of the data remaining in the Decoder's buffer.
func (dec *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dec.buf[dec.scanp:])
}

// InputOffset is the input stream byte offset of the decoder's position:
// the end of the last token read, the start of the next one.
func (dec *Decoder) InputOffset() int64 {
	return dec.scanned + int64(dec.scanp)
}

// A Token holds a value of one of these types: Delim, bool, float64,
// Number, string, nil.
type Token any

// A Delim is a JSON array or object delimiter: one of [ ] { or }.
type Delim rune

func (d Delim) String() string { return string(d) }

// The states of Token's walk.
const (
	tokenTopValue = iota
	tokenArrayStart
	tokenArrayValue
	tokenArrayComma
	tokenObjectStart
	tokenObjectKey
	tokenObjectColon
	tokenObjectValue
	tokenObjectComma
)

// tokenPrepareForDecode takes the comma or colon Token has not yet read
// before a value Decode is asked for.
func (dec *Decoder) tokenPrepareForDecode() error {
	switch dec.tokenState {
	case tokenArrayComma:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ',' {
			return &SyntaxError{"expected comma after array element", dec.InputOffset()}
		}
		dec.scanp++
		dec.tokenState = tokenArrayValue
	case tokenObjectColon:
		c, err := dec.peek()
		if err != nil {
			return err
		}
		if c != ':' {
			return &SyntaxError{"expected colon after object key", dec.InputOffset()}
		}
		dec.scanp++
		dec.tokenState = tokenObjectValue
	}
	return nil
}

func (dec *Decoder) tokenValueAllowed() bool {
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		return true
	}
	return false
}

func (dec *Decoder) tokenValueEnd() {
	switch dec.tokenState {
	case tokenArrayStart, tokenArrayValue:
		dec.tokenState = tokenArrayComma
	case tokenObjectValue:
		dec.tokenState = tokenObjectComma
	}
}

func (dec *Decoder) pushToken(state int) {
	dec.tokenStack = append(dec.tokenStack, dec.tokenState)
	dec.tokenState = state
}

func (dec *Decoder) popToken() {
	dec.tokenState = dec.tokenStack[len(dec.tokenStack)-1]
	dec.tokenStack = dec.tokenStack[:len(dec.tokenStack)-1]
	dec.tokenValueEnd()
}

// Token returns the next JSON token in the input stream: a Delim for
// [ ] { }, a bool, float64 (or Number under UseNumber), string or nil
// for a value; commas and colons are skipped. At the end of the input
// it returns nil, io.EOF.
func (dec *Decoder) Token() (Token, error) {
	for {
		c, err := dec.peek()
		if err != nil {
			return nil, err
		}
		switch c {
		case '[', '{':
			if !dec.tokenValueAllowed() {
				return dec.tokenError(c)
			}
			dec.scanp++
			if c == '[' {
				dec.pushToken(tokenArrayStart)
			} else {
				dec.pushToken(tokenObjectStart)
			}
			return Delim(c), nil
		case ']':
			if dec.tokenState != tokenArrayStart && dec.tokenState != tokenArrayComma {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.popToken()
			return Delim(c), nil
		case '}':
			if dec.tokenState != tokenObjectStart && dec.tokenState != tokenObjectComma {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.popToken()
			return Delim(c), nil
		case ':':
			if dec.tokenState != tokenObjectColon {
				return dec.tokenError(c)
			}
			dec.scanp++
			dec.tokenState = tokenObjectValue
			continue
		case ',':
			switch dec.tokenState {
			case tokenArrayComma:
				dec.scanp++
				dec.tokenState = tokenArrayValue
				continue
			case tokenObjectComma:
				dec.scanp++
				dec.tokenState = tokenObjectKey
				continue
			}
			return dec.tokenError(c)
		case '"':
			if dec.tokenState == tokenObjectStart || dec.tokenState == tokenObjectKey {
				var x string
				old := dec.tokenState
				dec.tokenState = tokenTopValue
				err := dec.Decode(&x)
				dec.tokenState = old
				if err != nil {
					return nil, err
				}
				dec.tokenState = tokenObjectColon
				return x, nil
			}
		}
		if !dec.tokenValueAllowed() {
			return dec.tokenError(c)
		}
		var x any
		if err := dec.Decode(&x); err != nil {
			return nil, err
		}
		return x, nil
	}
}

func (dec *Decoder) tokenError(c byte) (Token, error) {
	var context string
	switch dec.tokenState {
	case tokenTopValue, tokenArrayStart, tokenArrayValue, tokenObjectValue:
		context = " looking for beginning of value"
	case tokenArrayComma:
		context = " after array element"
	case tokenObjectKey:
		context = " looking for beginning of object key string"
	case tokenObjectColon:
		context = " after object key"
	case tokenObjectComma:
		context = " after object key:value pair"
	}
	return nil, &SyntaxError{"invalid character " + quoteChar(c) + context, dec.InputOffset()}
}

// quoteChar is c as Go's scanner quotes it in messages.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}
