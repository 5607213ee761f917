// Run-time implements checks (x.(I), comma-ok, type switch cases,
// interface-to-interface assertions) compare a method's name, package and
// signature, as Go's itab construction does.
package main

import (
	"fmt"
	"math/rand"
)

type IntM struct{}

func (IntM) M() int { return 1 }

type StrM struct{}

func (StrM) M() string { return "s" }

type MInt interface{ M() int }
type MStr interface{ M() string }

// Parameters against results: same words, different shapes.
type ParamT struct{}

func (ParamT) F(int) {}

type ResultT struct{}

func (ResultT) F() int { return 0 }

type FParam interface{ F(int) }
type FResult interface{ F() int }

// Variadic against slice.
type Variadic struct{}

func (Variadic) V(xs ...int) int { return len(xs) }

type Slice struct{}

func (Slice) V(xs []int) int { return len(xs) }

type VVariadic interface{ V(...int) int }
type VSlice interface{ V([]int) int }

// Embedded interfaces: the embedding interface needs the embedded
// methods with their signatures too.
type Namer interface{ Name() string }
type NameSizer interface {
	Namer
	Size() int
}
type NameSizer64 interface {
	Namer
	Size() int64
}

type File struct{}

func (File) Name() string { return "f" }
func (File) Size() int    { return 3 }

// Methods promoted through an embedded struct and an embedded pointer.
type Inner struct{}

func (Inner) Name() string { return "inner" }
func (*Inner) Size() int   { return 7 }

type ByValue struct{ Inner }
type ByPointer struct{ *Inner }

// Methods promoted from an embedded interface field.
type WrapNamer struct{ Namer }

// A promoted method shadowed by one with another signature.
type Shadow struct{ Inner }

func (Shadow) Name() []byte { return nil }

// Identical but differently spelt signatures: byte/uint8, any/interface{},
// rune/int32, parameter names.
type Spelling struct{}

func (Spelling) B(p []byte) (n int, err error)   { return len(p), nil }
func (Spelling) A(x any) interface{}             { return x }
func (Spelling) R(r rune) int32                  { return r }
func (Spelling) C(c <-chan int, d chan<- string) {}

// Recursive: the signature names the interface itself.
type List interface{ Next() List }
type Node struct{}

func (Node) Next() List { return nil }

type Elem struct{}

func (Elem) Next() *Elem { return nil }

// A named result type is not its underlying type.
type MyInt int
type MyIntM struct{}

func (MyIntM) M() MyInt { return 0 }

// error against an unnamed interface with the same method.
type ErrM struct{}

func (ErrM) E() error { return nil }

type EError interface{ E() error }
type EAnon interface {
	E() interface{ Error() string }
}

// Results count and order.
type Pair struct{}

func (Pair) P() (int, string) { return 0, "" }

type PairRev interface{ P() (string, int) }
type PairOK interface{ P() (int, string) }

// Function-typed parameters.
type Fn struct{}

func (Fn) Apply(f func(int) int) int { return f(1) }

type ApplyInt interface{ Apply(func(int) int) int }
type ApplyInt64 interface{ Apply(func(int64) int64) int }

// Unexported names: main's int31n is not math/rand's.
type Mine struct{}

func (Mine) int31n(n int32) int32 { return n }

type Int31ner interface{ int31n(int32) int32 }

type Local int
type HasLocal struct{}

func (HasLocal) L() Local { return 0 }

func kind(x any) string {
	switch v := x.(type) {
	case MStr:
		return "MStr " + v.M()
	case MInt:
		return fmt.Sprint("MInt ", v.M())
	case nil:
		return "nil"
	default:
		return "neither"
	}
}

func describe(x any) string {
	switch x.(type) {
	case NameSizer64:
		return "NameSizer64"
	case NameSizer:
		return "NameSizer"
	case Namer:
		return "Namer"
	}
	return "none"
}

func main() {
	var x any = IntM{}
	_, ok1 := x.(MInt)
	_, ok2 := x.(MStr)
	fmt.Println("IntM:", ok1, ok2)
	x = StrM{}
	_, ok1 = x.(MInt)
	_, ok2 = x.(MStr)
	fmt.Println("StrM:", ok1, ok2)
	fmt.Println(kind(IntM{}), "|", kind(StrM{}), "|", kind(nil), "|", kind(3))

	x = ParamT{}
	_, ok1 = x.(FParam)
	_, ok2 = x.(FResult)
	fmt.Println("ParamT:", ok1, ok2)
	x = ResultT{}
	_, ok1 = x.(FParam)
	_, ok2 = x.(FResult)
	fmt.Println("ResultT:", ok1, ok2)

	x = Variadic{}
	_, ok1 = x.(VVariadic)
	_, ok2 = x.(VSlice)
	fmt.Println("Variadic:", ok1, ok2)
	x = Slice{}
	_, ok1 = x.(VVariadic)
	_, ok2 = x.(VSlice)
	fmt.Println("Slice:", ok1, ok2)
	if v, ok := x.(VSlice); ok {
		fmt.Println("V:", v.V([]int{1, 2}))
	}

	fmt.Println(describe(File{}), describe(ByValue{}), describe(&ByValue{}),
		describe(ByPointer{&Inner{}}), describe(&ByPointer{&Inner{}}),
		describe(Shadow{}), describe(&Shadow{}), describe(1))

	x = WrapNamer{File{}}
	_, ok1 = x.(Namer)
	_, ok2 = x.(interface{ Name() int })
	fmt.Println("WrapNamer:", ok1, ok2, x.(Namer).Name())

	// Interface to interface: the dynamic type decides.
	var n Namer = &ByValue{}
	_, ok1 = n.(NameSizer)
	_, ok2 = n.(NameSizer64)
	fmt.Println("Namer->", ok1, ok2)
	if ns, ok := n.(NameSizer); ok {
		fmt.Println(ns.Name(), ns.Size())
	}

	x = Spelling{}
	_, okB := x.(interface{ B([]uint8) (int, error) })
	_, okA := x.(interface{ A(interface{}) any })
	_, okR := x.(interface{ R(int32) rune })
	_, okC := x.(interface {
		C(<-chan int, chan<- string)
	})
	_, okC2 := x.(interface{ C(chan int, chan<- string) })
	_, okB2 := x.(interface{ B([]int8) (int, error) })
	fmt.Println("Spelling:", okB, okA, okR, okC, okC2, okB2)

	x = Node{}
	_, ok1 = x.(List)
	x = Elem{}
	_, ok2 = x.(List)
	fmt.Println("List:", ok1, ok2)

	x = MyIntM{}
	_, ok1 = x.(MInt)
	_, ok2 = x.(interface{ M() MyInt })
	fmt.Println("MyIntM:", ok1, ok2)

	x = ErrM{}
	_, ok1 = x.(EError)
	_, ok2 = x.(EAnon)
	fmt.Println("ErrM:", ok1, ok2)

	x = Pair{}
	_, ok1 = x.(PairRev)
	_, ok2 = x.(PairOK)
	fmt.Println("Pair:", ok1, ok2)

	x = Fn{}
	_, ok1 = x.(ApplyInt)
	_, ok2 = x.(ApplyInt64)
	fmt.Println("Fn:", ok1, ok2)

	x = rand.New(rand.NewSource(1))
	_, ok1 = x.(Int31ner)
	x = Mine{}
	_, ok2 = x.(Int31ner)
	fmt.Println("int31n:", ok1, ok2)

	// A local type is not the package-level type it shadows, though
	// both print as main.Local.
	x = HasLocal{}
	_, ok1 = x.(interface{ L() Local })
	{
		type Local int
		_, ok2 = x.(interface{ L() Local })
	}
	fmt.Println("scopes:", ok1, ok2)

	// A value assertion to an interface keeps the value.
	var m MStr = StrM{}
	var y any = m
	fmt.Println(y.(MStr).M())
}
