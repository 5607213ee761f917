// Package bytes' iterator functions (Go 1.24): each returns a single-use
// iter.Seq over subslices of s (their capacity cut at their end, as
// Go's are), yielding what the slice-returning function of the same
// family would hold, without building the slice.
package bytes

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Lines returns an iterator over the newline-terminated lines in s, each
// with its newline; a last line without one is yielded as it is, and an
// empty s yields nothing.
func Lines(s []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for len(s) > 0 {
			n := len(s)
			if i := IndexByte(s, '\n'); i >= 0 {
				n = i + 1
			}
			line := s[:n:n]
			s = s[n:]
			if !yield(line) {
				return
			}
		}
	}
}

// SplitSeq returns an iterator over the subslices of s separated by sep,
// as Split(s, sep) returns them.
func SplitSeq(s, sep []byte) iter.Seq[[]byte] {
	return splitSeq(s, sep, 0)
}

// SplitAfterSeq returns an iterator over the subslices of s split after
// each instance of sep, as SplitAfter(s, sep) returns them.
func SplitAfterSeq(s, sep []byte) iter.Seq[[]byte] {
	return splitSeq(s, sep, len(sep))
}

// splitSeq yields the parts of s around sep, each keeping keep bytes of
// the separator that ends it; an empty sep yields each UTF-8 sequence
// (an invalid byte alone).
func splitSeq(s, sep []byte, keep int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		if len(sep) == 0 {
			for len(s) > 0 {
				_, n := utf8.DecodeRune(s)
				if !yield(s[:n:n]) {
					return
				}
				s = s[n:]
			}
			return
		}
		for {
			i := Index(s, sep)
			if i < 0 {
				break
			}
			end := i + keep
			if !yield(s[:end:end]) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s[:len(s):len(s)])
	}
}

// FieldsSeq returns an iterator over the fields of s: the runs of
// characters between runs of white space (unicode.IsSpace), as Fields
// returns them.
func FieldsSeq(s []byte) iter.Seq[[]byte] {
	return FieldsFuncSeq(s, unicode.IsSpace)
}

// FieldsFuncSeq returns an iterator over the runs of runes of s for which
// f is false, as FieldsFunc returns them.
func FieldsFuncSeq(s []byte, f func(rune) bool) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRune(s[i:])
			if f(r) {
				if start >= 0 {
					if !yield(s[start:i:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
			i += n
		}
		if start >= 0 {
			yield(s[start:len(s):len(s)])
		}
	}
}
