// Conversions whose type literal could be read more than one way, read
// as Go reads them: []func()(X)(fs) converts fs to []func() X,
// <-chan int(c) receives from chan int(c), chan<- chan int(cc) converts
// to a send-only channel of channels.
package main

import "fmt"

type X int

func g() X { return 3 }

type T int

func (T) M() int { return 9 }

func main() {
	fs := []func() X{g}
	hs := []func()(X)(fs)
	fmt.Println(hs[0]())
	c := make(chan int, 2)
	c <- 4
	cc := make(chan chan int, 1)
	cc <- c
	sc := chan<- chan int(cc)
	fmt.Println(len(sc))
	rc := chan (<-chan int)(nil)
	fmt.Println(rc == nil)
	select {
	case v := <-chan int(c):
		fmt.Println("got", v)
	}
	for _, f := range []func() X(fs) {
		fmt.Println(f())
	}
	switch chan int(c) {
	case c:
		fmt.Println("same")
	}
	if struct{ T }.M != nil {
		fmt.Println("method expr")
	}
	defer func() int(func() int { fmt.Println("deferred"); return 0 })()
	var m interface{} = map[string]struct{}(nil)
	fmt.Printf("%T\n", m)
	fmt.Println(func(int) (float64)(nil) == nil)
	fmt.Println([2]struct{}([2]struct{}{}))
	fmt.Println(len([]chan<- int(nil)))
	fmt.Println(struct{ T }{5}.M(), struct{ T }.M(struct{ T }{1}))
	k := [...]int{1, 2}
	fmt.Println(len(k))
}
