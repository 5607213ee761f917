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
)

// The runtime types Unmarshal builds for an interface: kept in every
// program that imports the package.
var anyTypes = []any{float64(0), "", false, map[string]any{}, []any{}}

func marshal(v any, escapeHTML bool) (b []byte, kind int, msg string, cause error)

func unmarshal(data []byte, v any) (kind int, msg string, offset int64, cause error)

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
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.typ
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.typ
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
	kind, msg, offset, cause := unmarshal(data, v)
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

// A Decoder reads and decodes JSON values from an input stream.
type Decoder struct {
	r    io.Reader
	buf  []byte
	err  error
	read int64
}

func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// Decode reads the next JSON value from its input and stores it in v.
func (dec *Decoder) Decode(v any) error {
	for {
		// Skip space between values.
		i := 0
		for i < len(dec.buf) && (dec.buf[i] == ' ' || dec.buf[i] == '\t' || dec.buf[i] == '\n' || dec.buf[i] == '\r') {
			i++
		}
		dec.buf = dec.buf[i:]
		if len(dec.buf) > 0 {
			n := valueEnd(dec.buf)
			if n == -2 {
				msg, off := checkValid(dec.buf)
				_ = off
				return &SyntaxError{msg, dec.read + off}
			}
			if n > 0 || (n == -1 && dec.err != nil) {
				if n == -1 {
					n = len(dec.buf)
					if msg, off := checkValid(dec.buf); msg != "" {
						if dec.err == io.EOF {
							return io.ErrUnexpectedEOF
						}
						return &SyntaxError{msg, dec.read + off}
					}
				}
				val := dec.buf[:n]
				dec.buf = dec.buf[n:]
				dec.read += int64(n)
				return Unmarshal(val, v)
			}
		}
		if dec.err != nil {
			if len(dec.buf) > 0 && dec.err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return dec.err
		}
		tmp := make([]byte, 4096)
		n, err := dec.r.Read(tmp)
		dec.buf = append(dec.buf, tmp[:n]...)
		if err != nil {
			dec.err = err
		}
	}
}

// More reports whether there is another value in the input.
func (dec *Decoder) More() bool {
	for {
		for len(dec.buf) > 0 && (dec.buf[0] == ' ' || dec.buf[0] == '\t' || dec.buf[0] == '\n' || dec.buf[0] == '\r') {
			dec.buf = dec.buf[1:]
		}
		if len(dec.buf) > 0 {
			c := dec.buf[0]
			return c != ']' && c != '}'
		}
		if dec.err != nil {
			return false
		}
		tmp := make([]byte, 4096)
		n, err := dec.r.Read(tmp)
		dec.buf = append(dec.buf, tmp[:n]...)
		if err != nil {
			dec.err = err
		}
	}
}

// Buffered returns a reader of the data remaining in the Decoder's buffer.
func (dec *Decoder) Buffered() io.Reader {
	return bytes.NewReader(dec.buf)
}
