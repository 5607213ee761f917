// Package encoding: the interfaces that packages converting data to and
// from byte-level and textual forms share, as Go declares them. They hold
// no code; a type implements them by its methods alone.
package encoding

// BinaryMarshaler is implemented by a value that can encode itself into
// a binary form.
type BinaryMarshaler interface {
	MarshalBinary() (data []byte, err error)
}

// BinaryUnmarshaler is implemented by a value that can decode a binary
// form of itself. UnmarshalBinary must copy the data if it keeps it.
type BinaryUnmarshaler interface {
	UnmarshalBinary(data []byte) error
}

// BinaryAppender is implemented by a value that can append its binary
// form to a slice.
type BinaryAppender interface {
	AppendBinary(b []byte) ([]byte, error)
}

// TextMarshaler is implemented by a value that can encode itself into a
// textual form (UTF-8).
type TextMarshaler interface {
	MarshalText() (text []byte, err error)
}

// TextUnmarshaler is implemented by a value that can decode a textual
// form of itself. UnmarshalText must copy the text if it keeps it.
type TextUnmarshaler interface {
	UnmarshalText(text []byte) error
}

// TextAppender is implemented by a value that can append its textual
// form to a slice.
type TextAppender interface {
	AppendText(b []byte) ([]byte, error)
}
