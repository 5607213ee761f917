// The lexer of package template.

package template

// The lexer turns a template's text into items all at once (Go's lexes
// on demand as the parser asks; the items and the errors are the same,
// and an error item ends the list, so the parser meets a lexical error
// exactly where Go's would).

import (
	"fmt"
	"strings"
	"unicode"
)

const (
	itemError = iota
	itemBool
	itemChar
	itemCharConstant
	itemComment
	itemComplex
	itemAssign
	itemDeclare
	itemEOF
	itemField
	itemIdentifier
	itemLeftDelim
	itemLeftParen
	itemNumber
	itemPipe
	itemRawString
	itemRightDelim
	itemRightParen
	itemSpace
	itemString
	itemText
	itemVariable
	itemKeyword // keywords and '.' follow
	itemBlock
	itemBreak
	itemContinue
	itemDot
	itemDefine
	itemElse
	itemEnd
	itemIf
	itemNil
	itemRange
	itemTemplate
	itemWith
)

var keywords = map[string]int{
	".":        itemDot,
	"block":    itemBlock,
	"break":    itemBreak,
	"continue": itemContinue,
	"define":   itemDefine,
	"else":     itemElse,
	"end":      itemEnd,
	"if":       itemIf,
	"range":    itemRange,
	"nil":      itemNil,
	"template": itemTemplate,
	"with":     itemWith,
}

type item struct {
	typ  int
	pos  int
	val  string
	line int
}

func (i item) String() string {
	switch {
	case i.typ == itemEOF:
		return "EOF"
	case i.typ == itemError:
		return i.val
	case i.typ > itemKeyword:
		return "<" + i.val + ">"
	case len(i.val) > 10:
		return fmt.Sprintf("%.10q...", i.val)
	}
	return fmt.Sprintf("%q", i.val)
}

const spaceChars = " \t\r\n"

type lexer struct {
	input       string
	leftDelim   string
	rightDelim  string
	pos         int
	start       int
	line        int
	lastPos     int
	parenDepth  int
	items       []item
	emitComment bool
	breakOK     bool
	continueOK  bool
	done        bool
}

func isSpace(r byte) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n'
}

func isAlphaNumeric(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// next returns the next rune, or -1 at the end.
func (l *lexer) next() rune {
	if l.pos >= len(l.input) {
		return -1
	}
	r := rune(l.input[l.pos])
	n := 1
	if r >= 0x80 {
		for _, c := range l.input[l.pos:] {
			r = c
			break
		}
		n = len(string(r))
		if r == unicode.ReplacementChar {
			n = 1
		}
	}
	l.pos += n
	return r
}

func (l *lexer) peek() rune {
	p := l.pos
	r := l.next()
	l.pos = p
	return r
}

// backup steps back one byte-sized rune (only used after ASCII runes).
func (l *lexer) backup(r rune) {
	if r < 0 {
		return
	}
	l.pos -= len(string(r))
}

// lineAt is the line of byte offset p (p never decreases between calls).
func (l *lexer) lineAt(p int) int {
	if p > l.lastPos {
		l.line += strings.Count(l.input[l.lastPos:p], "\n")
		l.lastPos = p
	}
	return l.line
}

func (l *lexer) emit(t int) {
	l.items = append(l.items, item{t, l.start, l.input[l.start:l.pos], l.lineAt(l.start)})
	l.start = l.pos
}

func (l *lexer) ignore() {
	l.start = l.pos
}

func (l *lexer) errorf(format string, args ...any) {
	l.items = append(l.items, item{itemError, l.start, fmt.Sprintf(format, args...), l.lineAt(l.start)})
	l.done = true
}

func (l *lexer) accept(valid string) bool {
	if l.pos < len(l.input) && strings.IndexByte(valid, l.input[l.pos]) >= 0 {
		l.next()
		return true
	}
	return false
}

func (l *lexer) acceptRun(valid string) {
	for l.accept(valid) {
	}
}

func hasLeftTrimMarker(s string) bool {
	return len(s) >= 2 && s[0] == '-' && isSpace(s[1])
}

func (l *lexer) hasRightTrimMarker(s string) bool {
	return len(s) >= 2 && isSpace(s[0]) && s[1] == '-' && strings.HasPrefix(s[2:], l.rightDelim)
}

func (l *lexer) atRightDelim() (delim, trim bool) {
	if strings.HasPrefix(l.input[l.pos:], l.rightDelim) {
		return true, false
	}
	if l.hasRightTrimMarker(l.input[l.pos:]) {
		return true, true
	}
	return false, false
}

func lex(input, left, right string, emitComment, breakOK, continueOK bool) []item {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	l := &lexer{input: input, leftDelim: left, rightDelim: right, line: 1,
		emitComment: emitComment, breakOK: breakOK, continueOK: continueOK}
	l.run()
	return l.items
}

func (l *lexer) run() {
	inAction := false
	for !l.done {
		if inAction {
			inAction = l.insideAction()
		} else {
			inAction = l.text()
		}
	}
}

// text lexes plain text up to a left delimiter; it reports whether an
// action follows.
func (l *lexer) text() bool {
	x := strings.Index(l.input[l.pos:], l.leftDelim)
	if x < 0 {
		l.pos = len(l.input)
		if l.pos > l.start {
			l.emit(itemText)
		}
		l.emit(itemEOF)
		l.done = true
		return false
	}
	l.pos += x
	trim := 0
	after := l.input[l.pos+len(l.leftDelim):]
	if hasLeftTrimMarker(after) {
		s := l.input[l.start:l.pos]
		trim = len(s) - len(strings.TrimRight(s, spaceChars))
	}
	l.pos -= trim
	if l.pos > l.start {
		l.emit(itemText)
	}
	l.pos += trim
	l.ignore()
	return l.leftDelimiter()
}

func (l *lexer) leftDelimiter() bool {
	l.pos += len(l.leftDelim)
	trim := hasLeftTrimMarker(l.input[l.pos:])
	after := 0
	if trim {
		after = 2
	}
	if strings.HasPrefix(l.input[l.pos+after:], "/*") {
		l.pos += after
		l.ignore()
		l.comment()
		return false
	}
	l.emit(itemLeftDelim)
	l.pos += after
	l.ignore()
	l.parenDepth = 0
	return true
}

func (l *lexer) comment() {
	l.pos += 2
	x := strings.Index(l.input[l.pos:], "*/")
	if x < 0 {
		l.errorf("unclosed comment")
		return
	}
	l.pos += x + 2
	delim, trim := l.atRightDelim()
	if !delim {
		l.errorf("comment ends before closing delimiter")
		return
	}
	if l.emitComment {
		l.emit(itemComment)
	}
	if trim {
		l.pos += 2
	}
	l.pos += len(l.rightDelim)
	if trim {
		s := l.input[l.pos:]
		l.pos += len(s) - len(strings.TrimLeft(s, spaceChars))
	}
	l.ignore()
}

func (l *lexer) rightDelimiter() {
	_, trim := l.atRightDelim()
	if trim {
		l.pos += 2
		l.ignore()
	}
	l.pos += len(l.rightDelim)
	l.emit(itemRightDelim)
	if trim {
		s := l.input[l.pos:]
		l.pos += len(s) - len(strings.TrimLeft(s, spaceChars))
		l.ignore()
	}
}

// insideAction lexes one item of an action; it reports whether the
// action goes on.
func (l *lexer) insideAction() bool {
	delim, _ := l.atRightDelim()
	if delim {
		if l.parenDepth == 0 {
			l.rightDelimiter()
			return false
		}
		l.errorf("unclosed left paren")
		return false
	}
	r := l.next()
	switch {
	case r < 0:
		l.errorf("unclosed action")
	case r < 0x80 && isSpace(byte(r)):
		l.backup(r)
		l.space()
	case r == '=':
		l.emit(itemAssign)
	case r == ':':
		if l.next() != '=' {
			l.errorf("expected :=")
			return false
		}
		l.emit(itemDeclare)
	case r == '|':
		l.emit(itemPipe)
	case r == '"':
		l.quoted('"', "quoted string", itemString)
	case r == '`':
		l.rawQuote()
	case r == '$':
		l.variable()
	case r == '\'':
		l.quoted('\'', "character constant", itemCharConstant)
	case r == '.' && (l.pos >= len(l.input) || l.input[l.pos] < '0' || l.input[l.pos] > '9'):
		l.fieldOrVariable(itemField)
	case r == '.' || r == '+' || r == '-' || ('0' <= r && r <= '9'):
		l.backup(r)
		l.number()
	case isAlphaNumeric(r):
		l.backup(r)
		l.identifier()
	case r == '(':
		l.emit(itemLeftParen)
		l.parenDepth++
	case r == ')':
		l.parenDepth--
		if l.parenDepth < 0 {
			l.errorf("unexpected right paren")
			return false
		}
		l.emit(itemRightParen)
	case r <= unicode.MaxASCII && unicode.IsPrint(r):
		l.emit(itemChar)
	default:
		l.errorf("unrecognized character in action: %#U", r)
	}
	return !l.done
}

func (l *lexer) space() {
	n := 0
	for l.pos < len(l.input) && isSpace(l.input[l.pos]) {
		l.next()
		n++
	}
	if l.hasRightTrimMarker(l.input[l.pos-1:]) {
		l.backup(rune(l.input[l.pos-1]))
		if n == 1 {
			return
		}
	}
	l.emit(itemSpace)
}

func (l *lexer) atTerminator() bool {
	r := l.peek()
	if r >= 0 && r < 0x80 && isSpace(byte(r)) {
		return true
	}
	switch r {
	case -1, '.', ',', '|', ':', ')', '(':
		return true
	}
	return strings.HasPrefix(l.input[l.pos:], l.rightDelim)
}

func (l *lexer) identifier() {
	for {
		r := l.next()
		if !isAlphaNumeric(r) {
			l.backup(r)
			break
		}
	}
	if !l.atTerminator() {
		l.errorf("bad character %#U", l.peek())
		return
	}
	word := l.input[l.start:l.pos]
	if k, ok := keywords[word]; ok && k > itemKeyword {
		if (k == itemBreak && !l.breakOK) || (k == itemContinue && !l.continueOK) {
			l.emit(itemIdentifier)
		} else {
			l.emit(k)
		}
		return
	}
	switch {
	case word[0] == '.':
		l.emit(itemField)
	case word == "true" || word == "false":
		l.emit(itemBool)
	default:
		l.emit(itemIdentifier)
	}
}

func (l *lexer) variable() {
	if l.atTerminator() {
		l.emit(itemVariable)
		return
	}
	l.fieldOrVariable(itemVariable)
}

func (l *lexer) fieldOrVariable(typ int) {
	if l.atTerminator() {
		if typ == itemVariable {
			l.emit(itemVariable)
		} else {
			l.emit(itemDot)
		}
		return
	}
	for {
		r := l.next()
		if !isAlphaNumeric(r) {
			l.backup(r)
			break
		}
	}
	if !l.atTerminator() {
		l.errorf("bad character %#U", l.peek())
		return
	}
	l.emit(typ)
}

func (l *lexer) scanNumber() bool {
	l.accept("+-")
	digits := "0123456789_"
	if l.accept("0") {
		if l.accept("xX") {
			digits = "0123456789abcdefABCDEF_"
		} else if l.accept("oO") {
			digits = "01234567_"
		} else if l.accept("bB") {
			digits = "01_"
		}
	}
	l.acceptRun(digits)
	if l.accept(".") {
		l.acceptRun(digits)
	}
	if len(digits) == 11 && l.accept("eE") {
		l.accept("+-")
		l.acceptRun("0123456789_")
	}
	if len(digits) == 23 && l.accept("pP") {
		l.accept("+-")
		l.acceptRun("0123456789_")
	}
	l.accept("i")
	if r := l.peek(); r >= 0 && isAlphaNumeric(r) {
		l.next()
		return false
	}
	return true
}

func (l *lexer) number() {
	if !l.scanNumber() {
		l.errorf("bad number syntax: %q", l.input[l.start:l.pos])
		return
	}
	if r := l.peek(); r == '+' || r == '-' {
		if !l.scanNumber() || l.input[l.pos-1] != 'i' {
			l.errorf("bad number syntax: %q", l.input[l.start:l.pos])
			return
		}
		l.emit(itemComplex)
		return
	}
	l.emit(itemNumber)
}

// quoted scans the rest of a quoted item up to its closing quote q (a
// backslash escapes the next character; a newline or the input's end is
// the error named by what): a string or a character constant.
func (l *lexer) quoted(q rune, what string, typ int) {
	for {
		r := l.next()
		if r == '\\' {
			r = l.next()
			if r >= 0 && r != '\n' {
				continue
			}
		}
		if r < 0 || r == '\n' {
			l.errorf("unterminated %s", what)
			return
		}
		if r == q {
			break
		}
	}
	l.emit(typ)
}

func (l *lexer) rawQuote() {
	for {
		r := l.next()
		if r < 0 {
			l.errorf("unterminated raw quoted string")
			return
		}
		if r == '`' {
			break
		}
	}
	l.emit(itemRawString)
}
