// Package slog (log/slog): structured logging with levels, attributes
// and groups, in Go: Logger, Record, Attr and Value, the TextHandler and
// JSONHandler with Go's output, HandlerOptions (Level, ReplaceAttr,
// AddSource), and the default logger writing through package log as
// Go's does ("2009/11/10 23:00:00 INFO msg k=v").
//
// Not done: Resolve does not recover a panicking LogValue (Go logs it
// with a stack).
package slog

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// A Level is the importance or severity of a log event.
type Level int

const (
	LevelDebug Level = -4
	LevelInfo  Level = 0
	LevelWarn  Level = 4
	LevelError Level = 8
)

func (l Level) String() string {
	str := func(base string, val Level) string {
		if val == 0 {
			return base
		}
		if val > 0 {
			return base + "+" + strconv.Itoa(int(val))
		}
		return base + strconv.Itoa(int(val))
	}
	switch {
	case l < LevelInfo:
		return str("DEBUG", l-LevelDebug)
	case l < LevelWarn:
		return str("INFO", l-LevelInfo)
	case l < LevelError:
		return str("WARN", l-LevelWarn)
	default:
		return str("ERROR", l-LevelError)
	}
}

func (l Level) Level() Level { return l }

// MarshalJSON is the quoted String.
func (l Level) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, l.String()), nil
}

// UnmarshalJSON parses a quoted level name as UnmarshalText does.
func (l *Level) UnmarshalJSON(data []byte) error {
	s, err := strconv.Unquote(string(data))
	if err != nil {
		return err
	}
	return l.parse(s)
}

// AppendText appends String.
func (l Level) AppendText(b []byte) ([]byte, error) {
	return append(b, l.String()...), nil
}

// MarshalText is String as bytes.
func (l Level) MarshalText() ([]byte, error) {
	return l.AppendText(nil)
}

// UnmarshalText parses what String prints ("WARN", "INFO+2", "error-1";
// case-insensitive names).
func (l *Level) UnmarshalText(data []byte) error {
	return l.parse(string(data))
}

func (l *Level) parse(s string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("slog: level string %q: %w", s, err)
		}
	}()
	name := s
	offset := 0
	if i := strings.IndexAny(s, "+-"); i >= 0 {
		name = s[:i]
		offset, err = strconv.Atoi(s[i:])
		if err != nil {
			return err
		}
	}
	switch strings.ToUpper(name) {
	case "DEBUG":
		*l = LevelDebug
	case "INFO":
		*l = LevelInfo
	case "WARN":
		*l = LevelWarn
	case "ERROR":
		*l = LevelError
	default:
		return errors.New("unknown name")
	}
	*l += Level(offset)
	return nil
}

// A Leveler provides a Level value.
type Leveler interface {
	Level() Level
}

// A LevelVar is a Level variable, safe for concurrent use.
type LevelVar struct {
	mu  sync.Mutex
	val Level
}

func (v *LevelVar) Level() Level {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.val
}

func (v *LevelVar) Set(l Level) {
	v.mu.Lock()
	v.val = l
	v.mu.Unlock()
}

func (v *LevelVar) String() string {
	return "LevelVar(" + v.Level().String() + ")"
}

// AppendText appends the level's String.
func (v *LevelVar) AppendText(b []byte) ([]byte, error) {
	return v.Level().AppendText(b)
}

// MarshalText is the level's String as bytes.
func (v *LevelVar) MarshalText() ([]byte, error) {
	return v.AppendText(nil)
}

// UnmarshalText sets the level from what Level.UnmarshalText accepts.
func (v *LevelVar) UnmarshalText(data []byte) error {
	var l Level
	if err := l.UnmarshalText(data); err != nil {
		return err
	}
	v.Set(l)
	return nil
}

// Kind is the kind of a Value.
type Kind int

const (
	KindAny Kind = iota
	KindBool
	KindDuration
	KindFloat64
	KindInt64
	KindString
	KindTime
	KindUint64
	KindGroup
	KindLogValuer
)

var kindStrings = []string{"Any", "Bool", "Duration", "Float64", "Int64", "String", "Time", "Uint64", "Group", "LogValuer"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindStrings) {
		return kindStrings[k]
	}
	return "<unknown slog.Kind>"
}

// A Value can represent any Go value.
type Value struct {
	kind Kind
	num  uint64
	str  string
	t    time.Time
	any  any
	grp  []Attr
}

// Kind is v's kind: KindLogValuer for a value of any kind holding a
// LogValuer.
func (v Value) Kind() Kind {
	if v.kind == KindAny {
		if _, ok := v.any.(LogValuer); ok {
			return KindLogValuer
		}
	}
	return v.kind
}

// LogValuer returns v's value as a LogValuer; it panics if v is not a
// LogValuer.
func (v Value) LogValuer() LogValuer { return v.any.(LogValuer) }

func StringValue(value string) Value { return Value{kind: KindString, str: value} }

func IntValue(v int) Value { return Int64Value(int64(v)) }

func Int64Value(v int64) Value { return Value{kind: KindInt64, num: uint64(v)} }

func Uint64Value(v uint64) Value { return Value{kind: KindUint64, num: v} }

func Float64Value(v float64) Value { return Value{kind: KindFloat64, any: v} }

func BoolValue(v bool) Value {
	u := uint64(0)
	if v {
		u = 1
	}
	return Value{kind: KindBool, num: u}
}

func TimeValue(v time.Time) Value { return Value{kind: KindTime, t: v} }

func DurationValue(v time.Duration) Value { return Value{kind: KindDuration, num: uint64(v)} }

func GroupValue(as ...Attr) Value { return Value{kind: KindGroup, grp: as} }

// AnyValue returns a Value for the supplied value, with the kind of its
// dynamic type where it has one.
func AnyValue(v any) Value {
	switch v := v.(type) {
	case string:
		return StringValue(v)
	case int:
		return Int64Value(int64(v))
	case uint:
		return Uint64Value(uint64(v))
	case int64:
		return Int64Value(v)
	case uint64:
		return Uint64Value(v)
	case bool:
		return BoolValue(v)
	case time.Duration:
		return DurationValue(v)
	case time.Time:
		return TimeValue(v)
	case uint8:
		return Uint64Value(uint64(v))
	case uint16:
		return Uint64Value(uint64(v))
	case uint32:
		return Uint64Value(uint64(v))
	case int8:
		return Int64Value(int64(v))
	case int16:
		return Int64Value(int64(v))
	case int32:
		return Int64Value(int64(v))
	case float64:
		return Float64Value(v)
	case float32:
		return Float64Value(float64(v))
	case []Attr:
		return GroupValue(v...)
	case Kind:
		return Value{kind: KindAny, any: v}
	case Value:
		return v
	default:
		return Value{kind: KindAny, any: v}
	}
}

func (v Value) Any() any {
	switch v.kind {
	case KindAny:
		return v.any
	case KindGroup:
		return v.grp
	case KindInt64:
		return int64(v.num)
	case KindUint64:
		return v.num
	case KindFloat64:
		return v.any
	case KindString:
		return v.str
	case KindBool:
		return v.num == 1
	case KindDuration:
		return time.Duration(int64(v.num))
	case KindTime:
		return v.t
	}
	return v.any
}

func (v Value) String() string {
	if v.kind == KindString {
		return v.str
	}
	return string(v.append(nil))
}

func (v Value) Int64() int64 { return int64(v.num) }

func (v Value) Uint64() uint64 { return v.num }

func (v Value) Bool() bool { return v.num == 1 }

func (v Value) Float64() float64 {
	f, _ := v.any.(float64)
	return f
}

func (v Value) Duration() time.Duration { return time.Duration(int64(v.num)) }

func (v Value) Time() time.Time { return v.t }

func (v Value) Group() []Attr { return v.grp }

func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case KindTime:
		return v.t.Equal(w.t)
	case KindString:
		return v.str == w.str
	case KindAny, KindFloat64:
		return v.any == w.any
	case KindGroup:
		if len(v.grp) != len(w.grp) {
			return false
		}
		for i := range v.grp {
			if !v.grp[i].Equal(w.grp[i]) {
				return false
			}
		}
		return true
	}
	return v.num == w.num
}

// A LogValuer is any Go value that can convert itself into a Value.
type LogValuer interface {
	LogValue() Value
}

// Resolve calls LogValue on v while it is a LogValuer.
func (v Value) Resolve() Value {
	orig := v
	for i := 0; i < 100; i++ {
		lv, ok := v.any.(LogValuer)
		if v.kind != KindAny || !ok {
			return v
		}
		v = lv.LogValue()
	}
	return AnyValue(fmt.Errorf("LogValue called too many times on Value of type %T", orig.Any()))
}

func (v Value) append(dst []byte) []byte {
	switch v.kind {
	case KindString:
		return append(dst, v.str...)
	case KindInt64:
		return strconv.AppendInt(dst, int64(v.num), 10)
	case KindUint64:
		return strconv.AppendUint(dst, v.num, 10)
	case KindFloat64:
		return strconv.AppendFloat(dst, v.Float64(), 'g', -1, 64)
	case KindBool:
		return strconv.AppendBool(dst, v.Bool())
	case KindDuration:
		return append(dst, v.Duration().String()...)
	case KindTime:
		return append(dst, v.t.String()...)
	case KindGroup:
		return append(dst, sprint(v.grp)...)
	}
	return append(dst, sprint(v.any)...)
}

// An Attr is a key-value pair.
type Attr struct {
	Key   string
	Value Value
}

func String(key, value string) Attr { return Attr{key, StringValue(value)} }

func Int64(key string, value int64) Attr { return Attr{key, Int64Value(value)} }

func Int(key string, value int) Attr { return Attr{key, IntValue(value)} }

func Uint64(key string, v uint64) Attr { return Attr{key, Uint64Value(v)} }

func Float64(key string, v float64) Attr { return Attr{key, Float64Value(v)} }

func Bool(key string, v bool) Attr { return Attr{key, BoolValue(v)} }

func Time(key string, v time.Time) Attr { return Attr{key, TimeValue(v)} }

func Duration(key string, v time.Duration) Attr { return Attr{key, DurationValue(v)} }

func Group(key string, args ...any) Attr { return Attr{key, GroupValue(argsToAttrSlice(args)...)} }

func Any(key string, value any) Attr { return Attr{key, AnyValue(value)} }

// GroupAttrs is Group for Attrs only.
func GroupAttrs(key string, attrs ...Attr) Attr { return Attr{key, GroupValue(attrs...)} }

func (a Attr) Equal(b Attr) bool { return a.Key == b.Key && a.Value.Equal(b.Value) }

func (a Attr) String() string { return a.Key + "=" + a.Value.String() }

func (a Attr) isEmpty() bool { return a.Key == "" && a.Value.kind == KindAny && a.Value.any == nil }

const badKey = "!BADKEY"

func argsToAttr(args []any) (Attr, []any) {
	switch x := args[0].(type) {
	case string:
		if len(args) == 1 {
			return String(badKey, x), nil
		}
		return Any(x, args[1]), args[2:]
	case Attr:
		return x, args[1:]
	default:
		return Any(badKey, x), args[1:]
	}
}

func argsToAttrSlice(args []any) []Attr {
	var attr Attr
	var attrs []Attr
	for len(args) > 0 {
		attr, args = argsToAttr(args)
		attrs = append(attrs, attr)
	}
	return attrs
}

// Built-in attribute keys.
const (
	TimeKey    = "time"
	LevelKey   = "level"
	MessageKey = "msg"
	SourceKey  = "source"
)

// A Record holds information about a log event.
type Record struct {
	Time    time.Time
	Message string
	Level   Level
	PC      uintptr
	attrs   []Attr
}

// NewRecord creates a Record from the given arguments.
func NewRecord(t time.Time, level Level, msg string, pc uintptr) Record {
	return Record{Time: t, Message: msg, Level: level, PC: pc}
}

func (r Record) Clone() Record {
	r.attrs = append([]Attr(nil), r.attrs...)
	return r
}

func (r Record) NumAttrs() int { return len(r.attrs) }

func (r Record) Attrs(f func(Attr) bool) {
	for _, a := range r.attrs {
		if !f(a) {
			return
		}
	}
}

func (r *Record) AddAttrs(attrs ...Attr) {
	for _, a := range attrs {
		if !a.isEmpty() {
			r.attrs = append(r.attrs, a)
		}
	}
}

func (r *Record) Add(args ...any) {
	var a Attr
	for len(args) > 0 {
		a, args = argsToAttr(args)
		if !a.isEmpty() {
			r.attrs = append(r.attrs, a)
		}
	}
}

// Source is the location of the log call r.PC names, nil without one.
func (r Record) Source() *Source {
	if r.PC == 0 {
		return nil
	}
	fs := runtime.CallersFrames([]uintptr{r.PC})
	f, _ := fs.Next()
	return &Source{Function: f.Function, File: f.File, Line: f.Line}
}

// Source describes the location of a line of source code.
type Source struct {
	Function string `json:"function"`
	File     string `json:"file"`
	Line     int    `json:"line"`
}

// A Handler handles log records produced by a Logger.
type Handler interface {
	Enabled(context.Context, Level) bool
	Handle(context.Context, Record) error
	WithAttrs(attrs []Attr) Handler
	WithGroup(name string) Handler
}

// HandlerOptions are options for a TextHandler or JSONHandler.
type HandlerOptions struct {
	AddSource   bool
	Level       Leveler
	ReplaceAttr func(groups []string, a Attr) Attr
}

// commonHandler is the state TextHandler and JSONHandler share.
type commonHandler struct {
	json   bool
	opts   HandlerOptions
	pre    []Attr   // attributes from WithAttrs, with their groups
	preGrp [][]string
	groups []string
	mu     *sync.Mutex
	w      io.Writer
}

func (h *commonHandler) enabled(l Level) bool {
	minLevel := LevelInfo
	if h.opts.Level != nil {
		minLevel = h.opts.Level.Level()
	}
	return l >= minLevel
}

func (h *commonHandler) withAttrs(as []Attr) *commonHandler {
	h2 := *h
	h2.pre = append(append([]Attr(nil), h.pre...), as...)
	h2.preGrp = append([][]string(nil), h.preGrp...)
	for range as {
		h2.preGrp = append(h2.preGrp, append([]string(nil), h.groups...))
	}
	return &h2
}

func (h *commonHandler) withGroup(name string) *commonHandler {
	h2 := *h
	h2.groups = append(append([]string(nil), h.groups...), name)
	return &h2
}

// TextHandler writes records as key=value pairs.
type TextHandler struct {
	c *commonHandler
}

func NewTextHandler(w io.Writer, opts *HandlerOptions) *TextHandler {
	if opts == nil {
		opts = &HandlerOptions{}
	}
	return &TextHandler{&commonHandler{opts: *opts, mu: new(sync.Mutex), w: w}}
}

func (h *TextHandler) Enabled(_ context.Context, level Level) bool { return h.c.enabled(level) }

func (h *TextHandler) WithAttrs(attrs []Attr) Handler { return &TextHandler{h.c.withAttrs(attrs)} }

func (h *TextHandler) WithGroup(name string) Handler {
	if name == "" {
		return h
	}
	return &TextHandler{h.c.withGroup(name)}
}

func (h *TextHandler) Handle(_ context.Context, r Record) error { return h.c.handle(r) }

// JSONHandler writes records as line-delimited JSON objects.
type JSONHandler struct {
	c *commonHandler
}

func NewJSONHandler(w io.Writer, opts *HandlerOptions) *JSONHandler {
	if opts == nil {
		opts = &HandlerOptions{}
	}
	return &JSONHandler{&commonHandler{json: true, opts: *opts, mu: new(sync.Mutex), w: w}}
}

func (h *JSONHandler) Enabled(_ context.Context, level Level) bool { return h.c.enabled(level) }

func (h *JSONHandler) WithAttrs(attrs []Attr) Handler { return &JSONHandler{h.c.withAttrs(attrs)} }

func (h *JSONHandler) WithGroup(name string) Handler {
	if name == "" {
		return h
	}
	return &JSONHandler{h.c.withGroup(name)}
}

func (h *JSONHandler) Handle(_ context.Context, r Record) error { return h.c.handle(r) }

// output builds one record's line.
type output struct {
	h     *commonHandler
	buf   []byte
	first bool
	open  int // JSON groups opened
}

func (o *output) sep() {
	if o.first {
		o.first = false
		return
	}
	if o.h.json {
		o.buf = append(o.buf, ',')
	} else {
		o.buf = append(o.buf, ' ')
	}
}

func (o *output) key(prefix string, k string) {
	o.sep()
	if o.h.json {
		b, _ := marshalJSON(k)
		o.buf = append(o.buf, b...)
		o.buf = append(o.buf, ':')
		return
	}
	if prefix != "" {
		k = prefix + k
	}
	if needsQuoting(k) {
		o.buf = strconv.AppendQuote(o.buf, k)
	} else {
		o.buf = append(o.buf, k...)
	}
	o.buf = append(o.buf, '=')
}

func (o *output) value(v Value) {
	if o.h.json {
		o.buf = appendJSONValue(o.buf, v)
		return
	}
	o.buf = appendTextValue(o.buf, v)
}

func appendJSONValue(buf []byte, v Value) []byte {
	switch v.Kind() {
	case KindString:
		b, _ := marshalJSON(v.str)
		return append(buf, b...)
	case KindInt64:
		return strconv.AppendInt(buf, v.Int64(), 10)
	case KindUint64:
		return strconv.AppendUint(buf, v.Uint64(), 10)
	case KindFloat64:
		b, err := marshalJSON(v.Float64())
		if err != nil {
			return append(buf, `"!ERROR:`+err.Error()+`"`...)
		}
		return append(buf, b...)
	case KindBool:
		return strconv.AppendBool(buf, v.Bool())
	case KindDuration:
		return strconv.AppendInt(buf, int64(v.Duration()), 10)
	case KindTime:
		b, _ := marshalJSON(v.Time().Format(time.RFC3339Nano))
		return append(buf, b...)
	}
	a := v.Any()
	if err, ok := a.(error); ok {
		b, _ := marshalJSON(err.Error())
		return append(buf, b...)
	}
	b, err := marshalJSON(a)
	if err != nil {
		b, _ = marshalJSON("!ERROR:" + err.Error())
	}
	return append(buf, b...)
}

type textMarshaler interface {
	MarshalText() ([]byte, error)
}

func appendTextValue(buf []byte, v Value) []byte {
	switch v.Kind() {
	case KindString:
		return appendString(buf, v.str)
	case KindTime:
		return appendRFC3339Millis(buf, v.t)
	case KindAny:
		if tm, ok := v.any.(textMarshaler); ok {
			data, err := tm.MarshalText()
			if err != nil {
				return appendString(buf, "!ERROR:"+err.Error())
			}
			return appendString(buf, string(data))
		}
		if bs, ok := v.any.([]byte); ok {
			return strconv.AppendQuote(buf, string(bs))
		}
		if err, ok := v.any.(error); ok {
			return appendString(buf, err.Error())
		}
		return appendString(buf, sprint(v.any))
	}
	return appendString(buf, string(v.append(nil)))
}

func appendString(buf []byte, s string) []byte {
	if needsQuoting(s) {
		return strconv.AppendQuote(buf, s)
	}
	return append(buf, s...)
}

func appendRFC3339Millis(b []byte, t time.Time) []byte {
	const prefixLen = len("2006-01-02T15:04:05.000")
	n := len(b)
	t = t.Truncate(time.Millisecond).Add(time.Millisecond / 10)
	b = t.AppendFormat(b, time.RFC3339Nano)
	b = append(b[:n+prefixLen], b[n+prefixLen+1:]...)
	return b
}

func needsQuoting(s string) bool {
	if len(s) == 0 {
		return true
	}
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b != '\\' && (b == ' ' || b == '=' || b == '"' || b < ' ' || b == 0x7f) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return true
		}
		i += size
	}
	return false
}

func (h *commonHandler) replace(groups []string, a Attr) Attr {
	if h.opts.ReplaceAttr == nil {
		return a
	}
	return h.opts.ReplaceAttr(groups, a)
}

func (o *output) attr(groups []string, prefix string, a Attr) {
	a.Value = a.Value.Resolve()
	if a.Value.Kind() != KindGroup {
		a = o.h.replace(groups, a)
		a.Value = a.Value.Resolve()
	}
	if a.isEmpty() || a.Key == "" && a.Value.Kind() != KindGroup {
		return
	}
	if a.Value.Kind() == KindGroup {
		as := a.Value.Group()
		if len(as) == 0 {
			return
		}
		if a.Key == "" {
			for _, g := range as {
				o.attr(groups, prefix, g)
			}
			return
		}
		g2 := append(append([]string(nil), groups...), a.Key)
		if o.h.json {
			o.key("", a.Key)
			o.buf = append(o.buf, '{')
			o.first = true
			for _, g := range as {
				o.attr(g2, "", g)
			}
			o.buf = append(o.buf, '}')
			o.first = false
			return
		}
		for _, g := range as {
			o.attr(g2, prefix+a.Key+".", g)
		}
		return
	}
	o.key(prefix, a.Key)
	o.value(a.Value)
}

func (h *commonHandler) handle(r Record) error {
	o := &output{h: h, first: true}
	if h.json {
		o.buf = append(o.buf, '{')
	}
	if !r.Time.IsZero() {
		a := h.replace(nil, Time(TimeKey, r.Time))
		if !a.isEmpty() && a.Key != "" {
			o.key("", a.Key)
			if a.Value.Kind() == KindTime && !h.json {
				o.buf = appendRFC3339Millis(o.buf, a.Value.Time())
			} else {
				o.value(a.Value)
			}
		}
	}
	la := h.replace(nil, Any(LevelKey, r.Level))
	if !la.isEmpty() && la.Key != "" {
		o.key("", la.Key)
		if lv, ok := la.Value.Any().(Level); ok {
			o.value(StringValue(lv.String()))
		} else {
			o.value(la.Value)
		}
	}
	if h.opts.AddSource && r.PC != 0 {
		fs := runtime.CallersFrames([]uintptr{r.PC})
		f, _ := fs.Next()
		if h.json {
			sa := h.replace(nil, Any(SourceKey, &Source{f.Function, f.File, f.Line}))
			o.key("", sa.Key)
			o.value(sa.Value)
		} else {
			o.key("", SourceKey)
			o.buf = appendString(o.buf, f.File+":"+strconv.Itoa(f.Line))
		}
	}
	ma := h.replace(nil, String(MessageKey, r.Message))
	if !ma.isEmpty() && ma.Key != "" {
		o.key("", ma.Key)
		o.value(ma.Value)
	}
	// Attributes from WithAttrs, then the record's, under the groups.
	for i, a := range h.pre {
		prefix := ""
		for _, g := range h.preGrp[i] {
			prefix += g + "."
		}
		o.attr(h.preGrp[i], prefix, a)
	}
	prefix := ""
	for _, g := range h.groups {
		prefix += g + "."
	}
	if h.json && len(h.groups) > 0 && r.NumAttrs() > 0 {
		for _, g := range h.groups {
			o.key("", g)
			o.buf = append(o.buf, '{')
			o.first = true
		}
		r.Attrs(func(a Attr) bool {
			o.attr(h.groups, "", a)
			return true
		})
		for range h.groups {
			o.buf = append(o.buf, '}')
		}
	} else {
		r.Attrs(func(a Attr) bool {
			o.attr(h.groups, prefix, a)
			return true
		})
	}
	if h.json {
		o.buf = append(o.buf, '}')
	}
	o.buf = append(o.buf, '\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := h.w.Write(o.buf)
	return err
}

// defaultHandler writes "LEVEL msg k=v" through package log.
type defaultHandler struct {
	c *commonHandler
}

func (h *defaultHandler) Enabled(_ context.Context, l Level) bool {
	return l >= logLoggerLevel.Level()
}

func (h *defaultHandler) WithAttrs(as []Attr) Handler { return &defaultHandler{h.c.withAttrs(as)} }

func (h *defaultHandler) WithGroup(name string) Handler {
	if name == "" {
		return h
	}
	return &defaultHandler{h.c.withGroup(name)}
}

func (h *defaultHandler) Handle(_ context.Context, r Record) error {
	var sb strings.Builder
	sb.WriteString(r.Level.String())
	sb.WriteByte(' ')
	sb.WriteString(r.Message)
	var w strings.Builder
	c := &commonHandler{mu: new(sync.Mutex), w: &w, pre: h.c.pre, preGrp: h.c.preGrp, groups: h.c.groups}
	r2 := r
	r2.Time = time.Time{}
	c.opts.ReplaceAttr = func(groups []string, a Attr) Attr {
		if len(groups) == 0 && (a.Key == LevelKey || a.Key == MessageKey) {
			return Attr{}
		}
		return a
	}
	c.handle(r2)
	rest := strings.TrimSuffix(w.String(), "\n")
	if rest != "" {
		sb.WriteByte(' ')
		sb.WriteString(rest)
	}
	return log.Output(4, sb.String())
}

var logLoggerLevel LevelVar

// SetLogLoggerLevel sets the level of the default handler.
func SetLogLoggerLevel(level Level) Level {
	old := logLoggerLevel.Level()
	logLoggerLevel.Set(level)
	return old
}

// A Logger records structured information about each call to its Log,
// Debug, Info, Warn, and Error methods.
type Logger struct {
	handler Handler
}

var defaultLogger = &Logger{handler: &defaultHandler{&commonHandler{mu: new(sync.Mutex)}}}

func Default() *Logger { return defaultLogger }

func SetDefault(l *Logger) { defaultLogger = l }

func New(h Handler) *Logger {
	if h == nil {
		panic("nil Handler")
	}
	return &Logger{handler: h}
}

func (l *Logger) Handler() Handler { return l.handler }

func (l *Logger) With(args ...any) *Logger {
	if len(args) == 0 {
		return l
	}
	return &Logger{handler: l.handler.WithAttrs(argsToAttrSlice(args))}
}

func (l *Logger) WithGroup(name string) *Logger {
	if name == "" {
		return l
	}
	return &Logger{handler: l.handler.WithGroup(name)}
}

func (l *Logger) Enabled(ctx context.Context, level Level) bool {
	if ctx == nil {
		ctx = context.Background()
	}
	return l.handler.Enabled(ctx, level)
}

func (l *Logger) log(ctx context.Context, level Level, msg string, args ...any) {
	if ctx == nil {
		ctx = context.Background()
	}
	if !l.handler.Enabled(ctx, level) {
		return
	}
	var pcs [1]uintptr
	runtime.Callers(3, pcs[:])
	r := NewRecord(time.Now(), level, msg, pcs[0])
	r.Add(args...)
	l.handler.Handle(ctx, r)
}

func (l *Logger) logAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	if ctx == nil {
		ctx = context.Background()
	}
	if !l.handler.Enabled(ctx, level) {
		return
	}
	var pcs [1]uintptr
	runtime.Callers(3, pcs[:])
	r := NewRecord(time.Now(), level, msg, pcs[0])
	r.AddAttrs(attrs...)
	l.handler.Handle(ctx, r)
}

func (l *Logger) Log(ctx context.Context, level Level, msg string, args ...any) {
	l.log(ctx, level, msg, args...)
}

func (l *Logger) LogAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	l.logAttrs(ctx, level, msg, attrs...)
}

func (l *Logger) Debug(msg string, args ...any) { l.log(context.Background(), LevelDebug, msg, args...) }

func (l *Logger) Info(msg string, args ...any) { l.log(context.Background(), LevelInfo, msg, args...) }

func (l *Logger) Warn(msg string, args ...any) { l.log(context.Background(), LevelWarn, msg, args...) }

func (l *Logger) Error(msg string, args ...any) { l.log(context.Background(), LevelError, msg, args...) }

func (l *Logger) DebugContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelDebug, msg, args...)
}

func (l *Logger) InfoContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelInfo, msg, args...)
}

func (l *Logger) WarnContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelWarn, msg, args...)
}

func (l *Logger) ErrorContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelError, msg, args...)
}

func Debug(msg string, args ...any) { Default().log(context.Background(), LevelDebug, msg, args...) }

func Info(msg string, args ...any) { Default().log(context.Background(), LevelInfo, msg, args...) }

func Warn(msg string, args ...any) { Default().log(context.Background(), LevelWarn, msg, args...) }

func Error(msg string, args ...any) { Default().log(context.Background(), LevelError, msg, args...) }

func DebugContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelDebug, msg, args...)
}

func InfoContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelInfo, msg, args...)
}

func WarnContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelWarn, msg, args...)
}

func ErrorContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelError, msg, args...)
}

func Log(ctx context.Context, level Level, msg string, args ...any) {
	Default().log(ctx, level, msg, args...)
}

func LogAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	Default().logAttrs(ctx, level, msg, attrs...)
}

func With(args ...any) *Logger { return Default().With(args...) }

func sprint(v any) string { return fmt.Sprintf("%+v", v) }

// marshalJSON is json.Marshal without HTML escaping, as slog writes.
func marshalJSON(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// DiscardHandler discards all log output; its Enabled is false for every
// level.
var DiscardHandler Handler = discardHandler{}

type discardHandler struct{}

func (discardHandler) Enabled(context.Context, Level) bool  { return false }
func (discardHandler) Handle(context.Context, Record) error { return nil }
func (d discardHandler) WithAttrs([]Attr) Handler           { return d }
func (d discardHandler) WithGroup(string) Handler           { return d }

// NewLogLogger returns a log.Logger whose output goes to h as records
// of the given level (the message without its final newline).
func NewLogLogger(h Handler, level Level) *log.Logger {
	return log.New(&handlerWriter{h, level}, "", 0)
}

// handlerWriter turns each Write of a log.Logger into a record.
type handlerWriter struct {
	h     Handler
	level Leveler
}

func (w *handlerWriter) Write(buf []byte) (int, error) {
	level := w.level.Level()
	if !w.h.Enabled(context.Background(), level) {
		return 0, nil
	}
	var pcs [1]uintptr
	// Skip Callers, Write, log.Logger's output and Output (or Print).
	runtime.Callers(4, pcs[:])
	n := len(buf)
	buf = bytes.TrimSuffix(buf, []byte{'\n'})
	r := NewRecord(time.Now(), level, string(buf), pcs[0])
	return n, w.h.Handle(context.Background(), r)
}

// A MultiHandler passes each record to all of its handlers that are
// enabled for it; it is enabled when any of them is.
type MultiHandler struct {
	multi []Handler
}

// NewMultiHandler returns a MultiHandler over a copy of handlers.
func NewMultiHandler(handlers ...Handler) *MultiHandler {
	return &MultiHandler{multi: append([]Handler(nil), handlers...)}
}

func (h *MultiHandler) Enabled(ctx context.Context, l Level) bool {
	for _, x := range h.multi {
		if x.Enabled(ctx, l) {
			return true
		}
	}
	return false
}

// Handle gives each enabled handler its own clone of r; the errors are
// joined.
func (h *MultiHandler) Handle(ctx context.Context, r Record) error {
	var errs []error
	for _, x := range h.multi {
		if x.Enabled(ctx, r.Level) {
			if err := x.Handle(ctx, r.Clone()); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

func (h *MultiHandler) WithAttrs(attrs []Attr) Handler {
	hs := make([]Handler, 0, len(h.multi))
	for _, x := range h.multi {
		hs = append(hs, x.WithAttrs(attrs))
	}
	return &MultiHandler{multi: hs}
}

func (h *MultiHandler) WithGroup(name string) Handler {
	hs := make([]Handler, 0, len(h.multi))
	for _, x := range h.multi {
		hs = append(hs, x.WithGroup(name))
	}
	return &MultiHandler{multi: hs}
}
