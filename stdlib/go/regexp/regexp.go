// Package regexp: RE2 regular expressions. Matching is the regex crate's
// (stdlib/src/natives/regexp.rs: RE2's syntax and leftmost-first
// semantics in linear time, with Go's syntax differences translated);
// this file is Go's API over one native search: the All variants with
// Go's rule for empty matches, Expand's $1/${name}, Split, and the
// []byte forms.
//
// The Reader forms (MatchReader, FindReaderIndex,
// FindReaderSubmatchIndex) read the whole input before matching, where
// Go's read only as far as the match needs: the result is the same, the
// reader is left further on.
//
// Leftmost-longest matching (CompilePOSIX, MustCompilePOSIX, Longest) is
// a second engine over the same pattern (stdlib/src/natives/
// regexp_longest.rs: a Pike VM with Go's rules), since the crate has no
// such mode. POSIX syntax is Go's ERE: Perl escapes and (? are errors,
// ^ and $ match at lines, a negated class excludes newline; unlike Go,
// a repetition followed by ? (a*?) is non-greedy rather than repeated
// again, which changes no leftmost-longest match, only which
// submatches of equal length are chosen.
//
// Not declared: LiteralPrefix (Go's is computed from its compiled
// program).
package regexp

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func compile(expr string, posix bool) (id int64, numSubexp int, names []string, code string, arg string)

func find(id int64, s string, pos int, longest bool) []int

// Regexp is a compiled regular expression, safe for concurrent use.
type Regexp struct {
	expr      string
	id        int64
	numSubexp int
	names     []string
	// longest: leftmost-longest matching (CompilePOSIX, Longest).
	longest bool
}

// search is the match of re in s searched from pos: the submatch index
// pairs, or nil.
func (re *Regexp) search(s string, pos int) []int {
	return find(re.id, s, pos, re.longest)
}

// An Error describes a failure to parse a regular expression.
type Error struct {
	Code string
	Expr string
}

func (e *Error) Error() string {
	if e.Expr == "" {
		return "error parsing regexp: " + e.Code
	}
	return "error parsing regexp: " + e.Code + ": `" + e.Expr + "`"
}

// Compile parses a regular expression.
func Compile(expr string) (*Regexp, error) {
	return compileRegexp(expr, false)
}

// CompilePOSIX is Compile restricted to POSIX ERE (egrep) syntax, with
// leftmost-longest matching.
func CompilePOSIX(expr string) (*Regexp, error) {
	return compileRegexp(expr, true)
}

func compileRegexp(expr string, posix bool) (*Regexp, error) {
	id, n, names, code, arg := compile(expr, posix)
	if code != "" {
		return nil, &Error{Code: code, Expr: arg}
	}
	return &Regexp{expr: expr, id: id, numSubexp: n, names: names, longest: posix}, nil
}

// MustCompilePOSIX is CompilePOSIX that panics on error.
func MustCompilePOSIX(str string) *Regexp {
	re, err := CompilePOSIX(str)
	if err != nil {
		panic(`regexp: CompilePOSIX(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// Longest makes future searches leftmost-longest: of the matches that
// begin earliest, the longest.
func (re *Regexp) Longest() {
	re.longest = true
}

// MustCompile is Compile that panics on error.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// MatchString reports whether s contains any match of pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether b contains any match of pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	return MatchString(pattern, string(b))
}

// QuoteMeta escapes all regular expression metacharacters in s.
func QuoteMeta(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (re *Regexp) String() string { return re.expr }

func (re *Regexp) NumSubexp() int { return re.numSubexp }

func (re *Regexp) SubexpNames() []string { return re.names }

// SubexpIndex is the index of the named group, or -1.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.names {
			if name == s {
				return i
			}
		}
	}
	return -1
}

func (re *Regexp) MatchString(s string) bool { return re.search(s, 0) != nil }

func (re *Regexp) Match(b []byte) bool { return re.search(string(b), 0) != nil }

// allMatches calls deliver for up to n matches (all if n < 0): Go's
// loop, which skips an empty match right after the previous match.
func (re *Regexp) allMatches(s string, n int, deliver func([]int)) {
	end := len(s)
	if n < 0 {
		n = end + 1
	}
	for pos, i, prevMatchEnd := 0, 0, -1; i < n && pos <= end; {
		matches := re.search(s, pos)
		if len(matches) == 0 {
			break
		}
		accept := true
		if matches[1] == pos {
			if matches[0] == prevMatchEnd {
				accept = false
			}
			if pos < end {
				_, width := utf8.DecodeRuneInString(s[pos:end])
				pos += width
			} else {
				pos = end + 1
			}
		} else {
			pos = matches[1]
		}
		prevMatchEnd = matches[1]
		if accept {
			deliver(matches)
			i++
		}
	}
}

func (re *Regexp) FindString(s string) string {
	a := re.search(s, 0)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

func (re *Regexp) FindStringIndex(s string) (loc []int) {
	a := re.search(s, 0)
	if a == nil {
		return nil
	}
	return a[0:2]
}

func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.search(s, 0)
	if a == nil {
		return nil
	}
	ret := make([]string, 1+re.numSubexp)
	for i := range ret {
		if 2*i < len(a) && a[2*i] >= 0 {
			ret[i] = s[a[2*i]:a[2*i+1]]
		}
	}
	return ret
}

func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return re.search(s, 0)
}

func (re *Regexp) Find(b []byte) []byte {
	a := re.search(string(b), 0)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

func (re *Regexp) FindIndex(b []byte) (loc []int) {
	a := re.search(string(b), 0)
	if a == nil {
		return nil
	}
	return a[0:2]
}

func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.search(string(b), 0)
	if a == nil {
		return nil
	}
	ret := make([][]byte, 1+re.numSubexp)
	for i := range ret {
		if 2*i < len(a) && a[2*i] >= 0 {
			ret[i] = b[a[2*i]:a[2*i+1]:a[2*i+1]]
		}
	}
	return ret
}

func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return re.search(string(b), 0)
}

func (re *Regexp) FindAllString(s string, n int) []string {
	var result []string
	re.allMatches(s, n, func(match []int) {
		result = append(result, s[match[0]:match[1]])
	})
	return result
}

func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	var result [][]int
	re.allMatches(s, n, func(match []int) {
		result = append(result, match[0:2])
	})
	return result
}

func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var result [][]string
	re.allMatches(s, n, func(match []int) {
		slice := make([]string, len(match)/2)
		for j := range slice {
			if match[2*j] >= 0 {
				slice[j] = s[match[2*j]:match[2*j+1]]
			}
		}
		result = append(result, slice)
	})
	return result
}

func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var result [][]int
	re.allMatches(s, n, func(match []int) {
		result = append(result, match)
	})
	return result
}

func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var result [][]byte
	re.allMatches(string(b), n, func(match []int) {
		result = append(result, b[match[0]:match[1]:match[1]])
	})
	return result
}

func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	return re.FindAllStringIndex(string(b), n)
}

func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var result [][][]byte
	re.allMatches(string(b), n, func(match []int) {
		slice := make([][]byte, len(match)/2)
		for j := range slice {
			if match[2*j] >= 0 {
				slice[j] = b[match[2*j]:match[2*j+1]:match[2*j+1]]
			}
		}
		result = append(result, slice)
	})
	return result
}

func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return re.FindAllStringSubmatchIndex(string(b), n)
}

// replaceAll calls repl for each match and appends the text between.
func (re *Regexp) replaceAll(src string, repl func(dst []byte, match []int) []byte) []byte {
	lastMatchEnd := 0
	searchPos := 0
	var buf []byte
	end := len(src)
	for searchPos <= end {
		a := re.search(src, searchPos)
		if len(a) == 0 {
			break
		}
		buf = append(buf, src[lastMatchEnd:a[0]]...)
		if a[1] > lastMatchEnd || a[0] == 0 {
			buf = repl(buf, a)
		}
		lastMatchEnd = a[1]
		var width int
		if searchPos < end {
			_, width = utf8.DecodeRuneInString(src[searchPos:end])
		} else {
			width = 1
		}
		if searchPos+width > a[1] {
			searchPos += width
		} else if searchPos+1 > a[1] {
			searchPos++
		} else {
			searchPos = a[1]
		}
	}
	buf = append(buf, src[lastMatchEnd:]...)
	return buf
}

// ReplaceAllString replaces matches with repl, expanding $1, ${name}.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	b := re.replaceAll(src, func(dst []byte, match []int) []byte {
		return re.expand(dst, repl, src, match)
	})
	return string(b)
}

func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return string(re.replaceAll(src, func(dst []byte, match []int) []byte {
		return append(dst, repl...)
	}))
}

func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	b := re.replaceAll(src, func(dst []byte, match []int) []byte {
		return append(dst, repl(src[match[0]:match[1]])...)
	})
	return string(b)
}

func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	s := string(src)
	r := string(repl)
	b := re.replaceAll(s, func(dst []byte, match []int) []byte {
		return re.expand(dst, r, s, match)
	})
	return b
}

func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return re.replaceAll(string(src), func(dst []byte, match []int) []byte {
		return append(dst, repl...)
	})
}

func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return re.replaceAll(string(src), func(dst []byte, match []int) []byte {
		return append(dst, repl(src[match[0]:match[1]])...)
	})
}

// Expand appends template to dst with $1, ${name} replaced by the
// submatches of src that match (FindSubmatchIndex's) identifies.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return re.expand(dst, string(template), string(src), match)
}

func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, src, match)
}

func (re *Regexp) expand(dst []byte, template string, src string, match []int) []byte {
	for len(template) > 0 {
		before, after, ok := strings.Cut(template, "$")
		if !ok {
			break
		}
		dst = append(dst, before...)
		template = after
		if template != "" && template[0] == '$' {
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		name, num, rest, ok := extract(template)
		if !ok {
			dst = append(dst, '$')
			continue
		}
		template = rest
		if num >= 0 {
			if 2*num+1 < len(match) && match[2*num] >= 0 {
				dst = append(dst, src[match[2*num]:match[2*num+1]]...)
			}
		} else {
			for i, namei := range re.names {
				if name == namei {
					if 2*i+1 < len(match) && match[2*i] >= 0 {
						dst = append(dst, src[match[2*i]:match[2*i+1]]...)
					}
					break
				}
			}
		}
	}
	dst = append(dst, template...)
	return dst
}

// extract parses a name or number after a $: `name`, `{name}`, `1`.
func extract(str string) (name string, num int, rest string, ok bool) {
	if str == "" {
		return
	}
	brace := false
	if str[0] == '{' {
		brace = true
		str = str[1:]
	}
	i := 0
	for i < len(str) {
		r, size := utf8.DecodeRuneInString(str[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	if i == 0 {
		return
	}
	name = str[:i]
	if brace {
		if i >= len(str) || str[i] != '}' {
			return
		}
		i++
	}
	num = 0
	for j := 0; j < len(name); j++ {
		if name[j] < '0' || '9' < name[j] || num >= 1e8 {
			num = -1
			break
		}
		num = num*10 + int(name[j]) - '0'
	}
	if name[0] == '0' && len(name) > 1 {
		num = -1
	}
	rest = str[i:]
	ok = true
	return
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// Split slices s into substrings separated by the expression.
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(re.expr) > 0 && len(s) == 0 {
		return []string{""}
	}
	matches := re.FindAllStringIndex(s, n)
	strs := make([]string, 0, len(matches))
	beg := 0
	end := 0
	for _, match := range matches {
		if n > 0 && len(strs) == n-1 {
			break
		}
		end = match[0]
		if match[1] != 0 {
			strs = append(strs, s[beg:end])
		}
		beg = match[1]
	}
	if end != len(s) {
		strs = append(strs, s[beg:])
	}
	return strs
}

func (re *Regexp) MarshalText() ([]byte, error) {
	return []byte(re.expr), nil
}

// AppendText appends the expression's source text.
func (re *Regexp) AppendText(b []byte) ([]byte, error) {
	return append(b, re.expr...), nil
}

// UnmarshalText compiles text into re.
func (re *Regexp) UnmarshalText(text []byte) error {
	r, err := Compile(string(text))
	if err != nil {
		return err
	}
	*re = *r
	return nil
}

// Copy returns a new Regexp object copied from re (Go keeps it for
// compatibility: a Regexp is safe for concurrent use).
func (re *Regexp) Copy() *Regexp {
	re2 := *re
	return &re2
}

// readAll is the text of r's runes up to EOF or an error.
func readAll(r io.RuneReader) string {
	var b strings.Builder
	for {
		c, _, err := r.ReadRune()
		if err != nil {
			return b.String()
		}
		b.WriteRune(c)
	}
}

// MatchReader reports whether the text read from r contains a match.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.MatchString(readAll(r))
}

// FindReaderIndex is FindStringIndex of the text read from r.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	return re.FindStringIndex(readAll(r))
}

// FindReaderSubmatchIndex is FindStringSubmatchIndex of the text read
// from r.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.FindStringSubmatchIndex(readAll(r))
}

// MatchReader reports whether the text read from r contains a match of
// pattern.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchReader(r), nil
}
