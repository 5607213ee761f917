// The natives of package template.

package template

// What the executor needs from reflect, done by natives over the VM's
// type descriptors (stdlib/src/natives/template.rs). Values travel as
// `any`; a nil `any` is Go's invalid reflect.Value ("<no value>").

// Kinds, as valueKind reports them.
const (
	kInvalid = iota
	kBool
	kInt
	kUint
	kFloat
	kString
	kPointer
	kSlice
	kArray
	kStruct
	kMap
	kChan
	kFunc
	kInterface
	kComplex
)

// valueKind is the kind of v's dynamic type (kInvalid for nil).
func valueKind(v any) int

// typeName is reflect's name of v's dynamic type ("main.T", "*main.T").
func typeName(v any) string

// indirect follows pointers to the value at the end; a nil pointer on the
// way is returned with isNil.
func indirect(v any) (r any, isNil bool)

// fieldByName is field name of the struct v holds or points to, with
// Go's promotion through embedded structs. code: 0 found, 1 no such
// field, 2 not exported, 3 an embedded pointer on the way is nil (msg
// says which). A field reached through a pointer is addressable: when
// its pointer type has methods it lacks, r is its address and addr set.
func fieldByName(v any, name string) (r any, code int, msg string, addr bool)

// elemHasField reports whether v, a pointer to a struct, points to a
// struct type with that field.
func elemHasField(v any, name string) bool

// hasMethod reports whether v's method set has the exported method name.
func hasMethod(v any, name string) bool

// methodSig describes method name of v (or, for fn, the func value
// itself when name is ""): the parameter types' names and kinds,
// whether it is variadic, its number of results and whether the second
// is an error (out2 names its type). ok is false for a signature the natives cannot call.
func funcSig(fn any, name string) (params []string, kinds []int, variadic bool, nout int, errOut bool, ok bool, out2 string)

// callFunc calls fn (or v's method name) with args converted to its
// parameter types (conv[i]: args[i] is a constant that may be converted
// to a numeric parameter type). code: 0 returned (r, and err for a
// second error result), 1 an argument does not fit (msg), 2 the callee
// panicked with pval. prep checks arguments as the call builtin does
// (Go's prepareArg: assignable, or an integer converted to an integer
// parameter).
func callFunc(fn any, name string, args []any, conv []bool, prep bool) (r any, err error, code int, msg string, pval any)

// mapIndex looks key up in map m. code: 0 found, 1 missing, 2 the key's
// type does not fit (msg).
func mapIndex(m any, key any) (r any, code int, msg string)

// mapZero is the zero value of map m's element type.
func mapZero(m any) any

// mapEntries are m's keys and values, keys sorted as fmt sorts them.
func mapEntries(m any) (keys []any, vals []any)

// length is len(v) for arrays, slices, strings, maps and channels; -1
// for other kinds.
func length(v any) int

// capOf is cap(v) for slices and arrays, len for strings.
func capOf(v any) int

// elemOf is v[i] for an array, slice or string (i in range); for a
// slice element whose pointer type has methods the element type lacks,
// its address instead, with addr set (see addrVal).
func elemOf(v any, i int) (r any, addr bool)

// plainValue is the value an addrVal stands for (v itself otherwise).
func plainValue(v any) any

// addrVal is an addressable value (a slice element) carried by its
// address, so that the methods of its pointer type are found as Go
// finds them on addressable values. Only the executor sees one: the
// natives read it as the value it stands for, and plain unwraps it
// before a value leaves for a builtin or an error message.
type addrVal struct {
	p any
}

func plain(v any) any {
	if _, ok := v.(addrVal); ok {
		return plainValue(v)
	}
	return v
}

// indexOf is v[i], an addressable slice element as an addrVal.
func indexOf(v any, i int) any {
	r, addr := elemOf(v, i)
	if addr {
		return addrVal{r}
	}
	return r
}

// sliceOf is v[i:j] or v[i:j:k] (indexes checked by the caller).
func sliceOf(v any, i int, j int, k int, three bool) any

// truth is Go's template truth of v; ok is false for kinds without one.
func truth(v any) (t bool, ok bool)

// basic reads a basic value: its kind and the value in the field of
// that kind (bools in i).
func basic(v any) (kind int, i int64, u uint64, f float64, s string)

// printable is the value fmt prints for v (pointers followed to a value
// whose type or pointer type prints itself, or to the value); ok is
// false for channels and funcs.
func printable(v any) (r any, ok bool)

// sameRef compares two values of one pointer, channel, or comparable
// struct or array type; ok is false for other types.
func sameRef(a any, b any) (eq bool, ok bool)

// isNil reports whether v is a nil pointer, map, slice, channel or func.
func isNil(v any) bool

// checkArg is why v cannot be argument i of fn (or of v's method name),
// as callFunc would find it; "" when it fits.
func checkArg(fn any, name string, i int, v any, conv bool) string

// lastPointer is the last non-nil pointer on the way from v to the value
// indirect reaches (the address Go's executor takes of that value to
// find pointer methods); nil when there is none.
func lastPointer(v any) any

// intAs is n as a value of v's integer type (range over an integer).
func intAs(v any, n uint64) any

// sliceAddr is v[i:j:k] (k is the cap when three is false) of the array
// v points to or stands for as an addrVal (an addressable array); nil
// when v is not such an array or the program has no slice type of its
// elements.
func sliceAddr(v any, i int, j int, k int, three bool) (r any, ok bool)
