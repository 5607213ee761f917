// Package flag: command-line flag parsing, written in Go (gol's own
// bodies; the declarations follow Go's API).
//
// Not declared (outside gol's subset):
//   - uses package encoding: FlagSet.TextVar, TextVar
//
// # Design
// A FlagSet maps names to *Flag (`formal`: defined, `actual`: set by the
// command line or Set). Each typed flag is a Value whose concrete type is
// a pointer to the user's variable, converted to a named type that has
// the Set/String methods (`*intValue` is the `*int` the caller passed), so
// parsing writes straight into the variable.
//
// Parsing (parseOne) consumes one argument at a time: `-name`, `--name`,
// `-name=value` and, for flags that are not boolean, `-name value`. It
// stops, leaving the rest in Args, at the first argument that is not a
// flag (a lone `-` included) or after a `--` terminator. Errors are
// printed on the set's output followed by the usage message, then handled
// by the set's ErrorHandling (ExitOnError: exit status 2, or 0 for
// -help/-h when no such flag is defined).
//
// PrintDefaults omits `(default ...)` when the default is the zero value
// of the flag's type. Go asks reflect for a zero value of the flag's
// Value type; gol has no reflect, so for Value types other than the
// package's own it treats "", "0", "false", "0s", "[]" and "<nil>" as
// zero, which covers the usual String methods.
//
// The command line's set calls the package variable Usage on errors (so a
// program may replace it, as in Go): init sets CommandLine.Usage to a
// function that calls it (an initializer could not: CommandLine would
// depend on Usage, which reads CommandLine).
package flag

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrHelp is returned when -help or -h is given but not defined.
var ErrHelp = errors.New("flag: help requested")

// errParse and errRange are the errors a Set reports for malformed and
// out-of-range numbers (so messages read `parse error`, not strconv's).
var errParse = errors.New("parse error")

var errRange = errors.New("value out of range")

// numError maps strconv's errors to errParse / errRange.
func numError(err error) error {
	if ne, ok := err.(*strconv.NumError); ok {
		if ne.Err == strconv.ErrSyntax {
			return errParse
		}
		if ne.Err == strconv.ErrRange {
			return errRange
		}
	}
	return err
}

// Value is the interface of a flag's dynamic value.
type Value interface {
	String() string
	Set(string) error
}

// Getter is a Value whose contents can be retrieved.
type Getter interface {
	Value
	Get() any
}

// boolFlag is a Value that needs no argument (`-v` means `-v=true`).
type boolFlag interface {
	Value
	IsBoolFlag() bool
}

// -- bool
type boolValue bool

func newBoolValue(val bool, p *bool) *boolValue {
	*p = val
	return (*boolValue)(p)
}

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		err = errParse
	}
	*b = boolValue(v)
	return err
}

func (b *boolValue) Get() any { return bool(*b) }

func (b *boolValue) String() string { return strconv.FormatBool(bool(*b)) }

func (b *boolValue) IsBoolFlag() bool { return true }

// -- int
type intValue int

func newIntValue(val int, p *int) *intValue {
	*p = val
	return (*intValue)(p)
}

func (i *intValue) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, strconv.IntSize)
	if err != nil {
		err = numError(err)
	}
	*i = intValue(v)
	return err
}

func (i *intValue) Get() any { return int(*i) }

func (i *intValue) String() string { return strconv.Itoa(int(*i)) }

// -- int64
type int64Value int64

func newInt64Value(val int64, p *int64) *int64Value {
	*p = val
	return (*int64Value)(p)
}

func (i *int64Value) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		err = numError(err)
	}
	*i = int64Value(v)
	return err
}

func (i *int64Value) Get() any { return int64(*i) }

func (i *int64Value) String() string { return strconv.FormatInt(int64(*i), 10) }

// -- uint
type uintValue uint

func newUintValue(val uint, p *uint) *uintValue {
	*p = val
	return (*uintValue)(p)
}

func (i *uintValue) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, strconv.IntSize)
	if err != nil {
		err = numError(err)
	}
	*i = uintValue(v)
	return err
}

func (i *uintValue) Get() any { return uint(*i) }

func (i *uintValue) String() string { return strconv.FormatUint(uint64(*i), 10) }

// -- uint64
type uint64Value uint64

func newUint64Value(val uint64, p *uint64) *uint64Value {
	*p = val
	return (*uint64Value)(p)
}

func (i *uint64Value) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		err = numError(err)
	}
	*i = uint64Value(v)
	return err
}

func (i *uint64Value) Get() any { return uint64(*i) }

func (i *uint64Value) String() string { return strconv.FormatUint(uint64(*i), 10) }

// -- string
type stringValue string

func newStringValue(val string, p *string) *stringValue {
	*p = val
	return (*stringValue)(p)
}

func (s *stringValue) Set(val string) error {
	*s = stringValue(val)
	return nil
}

func (s *stringValue) Get() any { return string(*s) }

func (s *stringValue) String() string { return string(*s) }

// -- float64
type float64Value float64

func newFloat64Value(val float64, p *float64) *float64Value {
	*p = val
	return (*float64Value)(p)
}

func (f *float64Value) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		err = numError(err)
	}
	*f = float64Value(v)
	return err
}

func (f *float64Value) Get() any { return float64(*f) }

func (f *float64Value) String() string { return strconv.FormatFloat(float64(*f), 'g', -1, 64) }

// -- time.Duration
type durationValue time.Duration

func newDurationValue(val time.Duration, p *time.Duration) *durationValue {
	*p = val
	return (*durationValue)(p)
}

func (d *durationValue) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		err = errParse
	}
	*d = durationValue(v)
	return err
}

func (d *durationValue) Get() any { return time.Duration(*d) }

func (d *durationValue) String() string { return time.Duration(*d).String() }

// -- func
type funcValue func(string) error

func (f funcValue) Set(s string) error { return f(s) }

func (f funcValue) String() string { return "" }

// -- bool func
type boolFuncValue func(string) error

func (f boolFuncValue) Set(s string) error { return f(s) }

func (f boolFuncValue) String() string { return "" }

func (f boolFuncValue) IsBoolFlag() bool { return true }

// ErrorHandling says what FlagSet.Parse does on an error.
type ErrorHandling int

const (
	ContinueOnError ErrorHandling = 0
	ExitOnError     ErrorHandling = 1
	PanicOnError    ErrorHandling = 2
)

// FlagSet is a set of defined flags.
type FlagSet struct {
	// Usage is called on a parsing error; nil means the default message.
	Usage func()

	name          string
	parsed        bool
	actual        map[string]*Flag
	formal        map[string]*Flag
	args          []string
	errorHandling ErrorHandling
	output        io.Writer
	undef         map[string]string
}

// Flag is one defined flag.
type Flag struct {
	Name     string
	Usage    string
	Value    Value
	DefValue string
}

// sortFlags lists the flags of m by name.
func sortFlags(m map[string]*Flag) []*Flag {
	out := make([]*Flag, 0, len(m))
	for _, f := range m {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Output is where usage and errors go (standard error by default).
func (f *FlagSet) Output() io.Writer {
	if f.output == nil {
		return os.Stderr
	}
	return f.output
}

func (f *FlagSet) Name() string { return f.name }

func (f *FlagSet) ErrorHandling() ErrorHandling { return f.errorHandling }

func (f *FlagSet) SetOutput(output io.Writer) { f.output = output }

// VisitAll calls fn for every defined flag, in name order.
func (f *FlagSet) VisitAll(fn func(*Flag)) {
	for _, fl := range sortFlags(f.formal) {
		fn(fl)
	}
}

func VisitAll(fn func(*Flag)) { CommandLine.VisitAll(fn) }

// Visit calls fn for every flag that has been set, in name order.
func (f *FlagSet) Visit(fn func(*Flag)) {
	for _, fl := range sortFlags(f.actual) {
		fn(fl)
	}
}

func Visit(fn func(*Flag)) { CommandLine.Visit(fn) }

func (f *FlagSet) Lookup(name string) *Flag { return f.formal[name] }

func Lookup(name string) *Flag { return CommandLine.formal[name] }

// Set sets the value of a defined flag and marks it as set.
func (f *FlagSet) Set(name string, value string) error {
	fl, ok := f.formal[name]
	if !ok {
		return fmt.Errorf("no such flag -%v", name)
	}
	if err := fl.Value.Set(value); err != nil {
		return err
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return nil
}

func Set(name string, value string) error { return CommandLine.Set(name, value) }

// builtinValue is implemented by this package's own Value types: the
// word PrintDefaults shows for the argument, and what String returns for
// the zero value (Go asks reflect for the latter).
type builtinValue interface {
	Value
	argName() string
	zeroString() string
}

func (b *boolValue) argName() string     { return "" }
func (b *boolValue) zeroString() string  { return "false" }
func (i *intValue) argName() string      { return "int" }
func (i *intValue) zeroString() string   { return "0" }
func (i *int64Value) argName() string    { return "int" }
func (i *int64Value) zeroString() string { return "0" }
func (i *uintValue) argName() string     { return "uint" }
func (i *uintValue) zeroString() string  { return "0" }
func (i *uint64Value) argName() string   { return "uint" }
func (i *uint64Value) zeroString() string {
	return "0"
}
func (s *stringValue) argName() string      { return "string" }
func (s *stringValue) zeroString() string   { return "" }
func (f *float64Value) argName() string     { return "float" }
func (f *float64Value) zeroString() string  { return "0" }
func (d *durationValue) argName() string    { return "duration" }
func (d *durationValue) zeroString() string { return "0s" }
func (f funcValue) argName() string         { return "value" }
func (f funcValue) zeroString() string      { return "" }
func (f boolFuncValue) argName() string     { return "" }
func (f boolFuncValue) zeroString() string  { return "" }

// isZeroValue reports whether value is what the flag's type prints for
// its zero value (see the package docs for Value types not defined here).
func isZeroValue(fl *Flag, value string) bool {
	if bv, ok := fl.Value.(builtinValue); ok {
		return value == bv.zeroString()
	}
	switch value {
	case "", "0", "false", "0s", "[]", "<nil>":
		return true
	}
	return false
}

// UnquoteUsage extracts a back-quoted name from a flag's usage string
// (removing the quotes) and returns it with the usage; without one, the
// name is the kind of value the flag takes ("" for boolean flags).
func UnquoteUsage(flag *Flag) (name string, usage string) {
	usage = flag.Usage
	if open := strings.IndexByte(usage, '`'); open >= 0 {
		if n := strings.IndexByte(usage[open+1:], '`'); n >= 0 {
			name = usage[open+1 : open+1+n]
			usage = usage[:open] + name + usage[open+2+n:]
			return name, usage
		}
	}
	name = "value"
	if fv, ok := flag.Value.(boolFlag); ok {
		if fv.IsBoolFlag() {
			name = ""
		}
	} else if fv, ok := flag.Value.(builtinValue); ok {
		name = fv.argName()
	}
	return name, usage
}

// PrintDefaults prints every flag's usage line to the set's output:
// `  -name type` then the usage on the next line after four spaces and a
// tab (on the same line after a tab for one-letter flags without a type),
// then the default value when it is not the zero value.
func (f *FlagSet) PrintDefaults() {
	f.VisitAll(func(fl *Flag) {
		var b strings.Builder
		b.WriteString("  -")
		b.WriteString(fl.Name)
		name, usage := UnquoteUsage(fl)
		if name != "" {
			b.WriteString(" ")
			b.WriteString(name)
		}
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !isZeroValue(fl, fl.DefValue) {
			if _, ok := fl.Value.(*stringValue); ok {
				fmt.Fprintf(&b, " (default %q)", fl.DefValue)
			} else {
				fmt.Fprintf(&b, " (default %v)", fl.DefValue)
			}
		}
		fmt.Fprint(f.Output(), b.String(), "\n")
	})
}

func PrintDefaults() { CommandLine.PrintDefaults() }

// defaultUsage is the usage message of a set without a Usage function.
func (f *FlagSet) defaultUsage() {
	if f.name == "" {
		fmt.Fprintf(f.Output(), "Usage:\n")
	} else {
		fmt.Fprintf(f.Output(), "Usage of %s:\n", f.name)
	}
	f.PrintDefaults()
}

// Usage prints the command line's usage message; programs may replace
// it.
var Usage = func() {
	fmt.Fprintf(CommandLine.Output(), "Usage of %s:\n", os.Args[0])
	PrintDefaults()
}

func (f *FlagSet) NFlag() int { return len(f.actual) }

func NFlag() int { return len(CommandLine.actual) }

// Arg is the i'th argument left after the flags ("" when out of range).
func (f *FlagSet) Arg(i int) string {
	if i < 0 || i >= len(f.args) {
		return ""
	}
	return f.args[i]
}

func Arg(i int) string { return CommandLine.Arg(i) }

func (f *FlagSet) NArg() int { return len(f.args) }

func NArg() int { return len(CommandLine.args) }

func (f *FlagSet) Args() []string { return f.args }

func Args() []string { return CommandLine.args }

func (f *FlagSet) BoolVar(p *bool, name string, value bool, usage string) {
	f.Var(newBoolValue(value, p), name, usage)
}

func BoolVar(p *bool, name string, value bool, usage string) {
	CommandLine.Var(newBoolValue(value, p), name, usage)
}

func (f *FlagSet) Bool(name string, value bool, usage string) *bool {
	p := new(bool)
	f.BoolVar(p, name, value, usage)
	return p
}

func Bool(name string, value bool, usage string) *bool {
	return CommandLine.Bool(name, value, usage)
}

func (f *FlagSet) IntVar(p *int, name string, value int, usage string) {
	f.Var(newIntValue(value, p), name, usage)
}

func IntVar(p *int, name string, value int, usage string) {
	CommandLine.Var(newIntValue(value, p), name, usage)
}

func (f *FlagSet) Int(name string, value int, usage string) *int {
	p := new(int)
	f.IntVar(p, name, value, usage)
	return p
}

func Int(name string, value int, usage string) *int {
	return CommandLine.Int(name, value, usage)
}

func (f *FlagSet) Int64Var(p *int64, name string, value int64, usage string) {
	f.Var(newInt64Value(value, p), name, usage)
}

func Int64Var(p *int64, name string, value int64, usage string) {
	CommandLine.Var(newInt64Value(value, p), name, usage)
}

func (f *FlagSet) Int64(name string, value int64, usage string) *int64 {
	p := new(int64)
	f.Int64Var(p, name, value, usage)
	return p
}

func Int64(name string, value int64, usage string) *int64 {
	return CommandLine.Int64(name, value, usage)
}

func (f *FlagSet) UintVar(p *uint, name string, value uint, usage string) {
	f.Var(newUintValue(value, p), name, usage)
}

func UintVar(p *uint, name string, value uint, usage string) {
	CommandLine.Var(newUintValue(value, p), name, usage)
}

func (f *FlagSet) Uint(name string, value uint, usage string) *uint {
	p := new(uint)
	f.UintVar(p, name, value, usage)
	return p
}

func Uint(name string, value uint, usage string) *uint {
	return CommandLine.Uint(name, value, usage)
}

func (f *FlagSet) Uint64Var(p *uint64, name string, value uint64, usage string) {
	f.Var(newUint64Value(value, p), name, usage)
}

func Uint64Var(p *uint64, name string, value uint64, usage string) {
	CommandLine.Var(newUint64Value(value, p), name, usage)
}

func (f *FlagSet) Uint64(name string, value uint64, usage string) *uint64 {
	p := new(uint64)
	f.Uint64Var(p, name, value, usage)
	return p
}

func Uint64(name string, value uint64, usage string) *uint64 {
	return CommandLine.Uint64(name, value, usage)
}

func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {
	f.Var(newStringValue(value, p), name, usage)
}

func StringVar(p *string, name string, value string, usage string) {
	CommandLine.Var(newStringValue(value, p), name, usage)
}

func (f *FlagSet) String(name string, value string, usage string) *string {
	p := new(string)
	f.StringVar(p, name, value, usage)
	return p
}

func String(name string, value string, usage string) *string {
	return CommandLine.String(name, value, usage)
}

func (f *FlagSet) Float64Var(p *float64, name string, value float64, usage string) {
	f.Var(newFloat64Value(value, p), name, usage)
}

func Float64Var(p *float64, name string, value float64, usage string) {
	CommandLine.Var(newFloat64Value(value, p), name, usage)
}

func (f *FlagSet) Float64(name string, value float64, usage string) *float64 {
	p := new(float64)
	f.Float64Var(p, name, value, usage)
	return p
}

func Float64(name string, value float64, usage string) *float64 {
	return CommandLine.Float64(name, value, usage)
}

func (f *FlagSet) DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	f.Var(newDurationValue(value, p), name, usage)
}

func DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	CommandLine.Var(newDurationValue(value, p), name, usage)
}

func (f *FlagSet) Duration(name string, value time.Duration, usage string) *time.Duration {
	p := new(time.Duration)
	f.DurationVar(p, name, value, usage)
	return p
}

func Duration(name string, value time.Duration, usage string) *time.Duration {
	return CommandLine.Duration(name, value, usage)
}

// Func defines a flag that calls fn with each value given.
func (f *FlagSet) Func(name string, usage string, fn func(string) error) {
	f.Var(funcValue(fn), name, usage)
}

func Func(name string, usage string, fn func(string) error) {
	CommandLine.Func(name, usage, fn)
}

// BoolFunc defines a flag without argument that calls fn ("true" for a
// plain -name).
func (f *FlagSet) BoolFunc(name string, usage string, fn func(string) error) {
	f.Var(boolFuncValue(fn), name, usage)
}

func BoolFunc(name string, usage string, fn func(string) error) {
	CommandLine.BoolFunc(name, usage, fn)
}

// Var defines a flag with any Value; its default is value's current
// String. Defining a name twice, or a name that starts with - or contains
// =, prints the problem on the output and panics with it, as Go does.
func (f *FlagSet) Var(value Value, name string, usage string) {
	if strings.HasPrefix(name, "-") {
		panic(f.sprintf("flag %q begins with -", name))
	} else if strings.Contains(name, "=") {
		panic(f.sprintf("flag %q contains =", name))
	}
	fl := &Flag{name, usage, value, value.String()}
	if _, dup := f.formal[name]; dup {
		if f.name == "" {
			panic(f.sprintf("flag redefined: %s", name))
		}
		panic(f.sprintf("%s flag redefined: %s", f.name, name))
	}
	if f.formal == nil {
		f.formal = make(map[string]*Flag)
	}
	f.formal[name] = fl
}

func Var(value Value, name string, usage string) {
	CommandLine.Var(value, name, usage)
}

// sprintf formats a message, prints it on the output and returns it.
func (f *FlagSet) sprintf(format string, a ...any) string {
	msg := fmt.Sprintf(format, a...)
	fmt.Fprintln(f.Output(), msg)
	return msg
}

// failf prints an error and the usage message and returns the error.
func (f *FlagSet) failf(format string, a ...any) error {
	msg := f.sprintf(format, a...)
	f.usage()
	return errors.New(msg)
}

// usage runs the set's usage function, or the default message.
func (f *FlagSet) usage() {
	if f.Usage == nil {
		f.defaultUsage()
	} else {
		f.Usage()
	}
}

// parseOne parses the next flag of f.args: (true, nil) after a flag,
// (false, nil) when the flags end, (false, err) on an error.
func (f *FlagSet) parseOne() (bool, error) {
	if len(f.args) == 0 {
		return false, nil
	}
	s := f.args[0]
	if len(s) < 2 || s[0] != '-' {
		return false, nil
	}
	minuses := 1
	if s[1] == '-' {
		minuses = 2
		if len(s) == 2 {
			// "--" ends the flags and is consumed.
			f.args = f.args[1:]
			return false, nil
		}
	}
	name := s[minuses:]
	if len(name) == 0 || name[0] == '-' || name[0] == '=' {
		return false, f.failf("bad flag syntax: %s", s)
	}
	f.args = f.args[1:]
	hasValue := false
	value := ""
	if eq := strings.IndexByte(name, '='); eq > 0 {
		value = name[eq+1:]
		hasValue = true
		name = name[:eq]
	}
	fl, ok := f.formal[name]
	if !ok {
		if name == "help" || name == "h" {
			f.usage()
			return false, ErrHelp
		}
		return false, f.failf("flag provided but not defined: -%s", name)
	}
	if bv, ok := fl.Value.(boolFlag); ok && bv.IsBoolFlag() {
		if hasValue {
			if err := bv.Set(value); err != nil {
				return false, f.failf("invalid boolean value %q for -%s: %v", value, name, err)
			}
		} else if err := bv.Set("true"); err != nil {
			return false, f.failf("invalid boolean flag %s: %v", name, err)
		}
	} else {
		if !hasValue && len(f.args) > 0 {
			hasValue = true
			value = f.args[0]
			f.args = f.args[1:]
		}
		if !hasValue {
			return false, f.failf("flag needs an argument: -%s", name)
		}
		if err := fl.Value.Set(value); err != nil {
			return false, f.failf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return true, nil
}

// Parse parses flags from arguments (without the program name) and
// handles an error by the set's ErrorHandling.
func (f *FlagSet) Parse(arguments []string) error {
	f.parsed = true
	f.args = arguments
	for {
		seen, err := f.parseOne()
		if seen {
			continue
		}
		if err == nil {
			break
		}
		switch f.errorHandling {
		case ContinueOnError:
			return err
		case ExitOnError:
			if err == ErrHelp {
				os.Exit(0)
			}
			os.Exit(2)
		case PanicOnError:
			panic(err)
		}
	}
	return nil
}

func (f *FlagSet) Parsed() bool { return f.parsed }

// Parse parses os.Args[1:] into the command line's flags.
func Parse() {
	CommandLine.Parse(os.Args[1:])
}

func Parsed() bool { return CommandLine.Parsed() }

// CommandLine is the set of the program's flags, named after os.Args[0].
var CommandLine = NewFlagSet(os.Args[0], ExitOnError)

func init() {
	CommandLine.Usage = commandLineUsage
}

// commandLineUsage calls Usage through the variable, so a replacement
// the program assigned is the one called.
func commandLineUsage() {
	Usage()
}

// NewFlagSet returns an empty set.
func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet {
	f := &FlagSet{name: name, errorHandling: errorHandling}
	return f
}

// Init sets a set's name and error handling (for a zero FlagSet).
func (f *FlagSet) Init(name string, errorHandling ErrorHandling) {
	f.name = name
	f.errorHandling = errorHandling
}
