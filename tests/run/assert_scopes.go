// A failed type assertion between two types that print alike says that
// they come from different scopes, as Go's runtime does.
package main

import "fmt"

type T struct{ x int }

func local() interface{} {
	type T struct{ x int }
	return T{1}
}

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

type S interface{ String() string }

func main() {
	try(func() { _ = local().(T) })
	try(func() { _ = interface{}(nil).(T) })
	try(func() { _ = interface{}(3).(T) })
	var s S
	try(func() { _ = s.(fmt.Stringer) })
}
