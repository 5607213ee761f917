package main

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
)

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprint("myerr ", e.code) }

type Str int

func (s Str) String() string { return fmt.Sprintf("Str<%d>", int(s)) }

func sortPanics(f func(a, b int) bool) (r any) {
	defer func() { r = recover() }()
	xs := []int{3, 1, 2}
	sort.Slice(xs, func(i, j int) bool { return f(xs[i], xs[j]) })
	return nil
}

func main() {
	r := sortPanics(func(a, b int) bool {
		var s []int
		return s[a] < b
	})
	err, ok := r.(error)
	fmt.Println(ok, err)
	_, isRT := r.(runtime.Error)
	fmt.Println(isRT)
	fmt.Printf("%T\n", r)

	r = sortPanics(func(a, b int) bool { panic(MyErr{7}) })
	err, ok = r.(error)
	fmt.Println(ok, err)
	var me MyErr
	fmt.Println(errors.As(err, &me), me.code)
	fmt.Printf("%T %v\n", r, r)

	r = sortPanics(func(a, b int) bool { panic(Str(3)) })
	fmt.Printf("%T %v\n", r, r)

	r = sortPanics(func(a, b int) bool { panic("plain") })
	fmt.Printf("%T %v\n", r, r)

	r = sortPanics(func(a, b int) bool {
		var m map[string]int
		m["x"] = 1
		return true
	})
	fmt.Printf("%T %v\n", r, r)

	r = sortPanics(func(a, b int) bool {
		var x any = "s"
		return x.(int) > 0
	})
	err, ok = r.(error)
	fmt.Println(ok, err)

	s := fmt.Sprint(badStringer{})
	fmt.Println(s)
	panic(MyErr{42})
}

type badStringer struct{}

func (badStringer) String() string {
	var a []int
	_ = a[3]
	return ""
}

type wrapPanics struct{ v any }

func (w wrapPanics) Error() string { return "wrap" }
func (w wrapPanics) Unwrap() error {
	if w.v == nil {
		var p *MyErr
		return *p
	}
	panic(w.v)
}

func unwrapPanics(v any) (r any) {
	defer func() { r = recover() }()
	errors.Unwrap(wrapPanics{v})
	return nil
}

func init() {
	for _, v := range []any{MyErr{1}, Str(2), "text", 5, nil} {
		r := unwrapPanics(v)
		err, ok := r.(error)
		fmt.Printf("%T %v %v %v\n", r, r, ok, err)
	}
}
