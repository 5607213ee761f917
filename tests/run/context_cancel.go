package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

type myCtx struct {
	context.Context
}

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err(), bg.Done() == nil)
	_, ok := bg.Deadline()
	fmt.Println("background deadline:", ok)

	ctx, cancel := context.WithCancel(bg)
	fmt.Println(ctx, ctx.Err())
	child, childCancel := context.WithCancel(ctx)
	defer childCancel()
	vctx := context.WithValue(child, key("user"), "gopher")
	fmt.Println(vctx)
	fmt.Println("value:", vctx.Value(key("user")), vctx.Value(key("other")), vctx.Value("user"))
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	<-vctx.Done()
	fmt.Println("child canceled with parent:", vctx.Err(), child.Err(), ctx.Err())
	fmt.Println(errors.Is(vctx.Err(), context.Canceled), context.Cause(vctx))
	cancel()
	cancel()

	tctx, tcancel := context.WithTimeout(bg, 100*time.Millisecond)
	defer tcancel()
	dl, ok := tctx.Deadline()
	fmt.Println("timeout has deadline:", ok, time.Until(dl) > 0, time.Until(dl) <= 100*time.Millisecond)
	inner, innerCancel := context.WithTimeout(tctx, time.Hour)
	defer innerCancel()
	dl2, _ := inner.Deadline()
	fmt.Println("inner keeps the earlier deadline:", dl2.Equal(dl))
	select {
	case <-inner.Done():
		fmt.Println("inner done:", inner.Err(), tctx.Err())
	case <-time.After(time.Second):
		fmt.Println("BUG: timeout did not fire")
	}
	fmt.Println(errors.Is(tctx.Err(), context.DeadlineExceeded), tctx.Err() == context.DeadlineExceeded)
	fmt.Printf("%v|%T\n", context.DeadlineExceeded, context.Canceled)

	// Cancel before the deadline.
	c2, cancel2 := context.WithTimeout(bg, time.Hour)
	cancel2()
	<-c2.Done()
	fmt.Println("canceled before deadline:", c2.Err())

	// A deadline in the past.
	c3, cancel3 := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println("past deadline:", c3.Err())
	cancel3()
	fmt.Println("after cancel:", c3.Err())

	// Cause.
	c4, cancel4 := context.WithCancelCause(bg)
	cancel4(errors.New("shutting down"))
	fmt.Println("cause:", c4.Err(), context.Cause(c4))
	c5, cancel5 := context.WithTimeoutCause(bg, 5*time.Millisecond, errors.New("too slow"))
	defer cancel5()
	<-c5.Done()
	fmt.Println("timeout cause:", c5.Err(), context.Cause(c5))

	// A custom Context wrapping a cancelable one.
	base, cancelBase := context.WithCancel(bg)
	wrapped := myCtx{base}
	c6, cancel6 := context.WithCancel(wrapped)
	defer cancel6()
	cancelBase()
	<-c6.Done()
	fmt.Println("custom parent:", c6.Err())

	// WithoutCancel keeps values, drops cancellation.
	c7 := context.WithoutCancel(context.WithValue(base, key("k"), 7))
	fmt.Println("without cancel:", c7.Err(), c7.Value(key("k")), c7.Done() == nil)

	// A worker stopped by its context.
	wctx, wcancel := context.WithTimeout(bg, 100*time.Millisecond)
	defer wcancel()
	results := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-wctx.Done():
				results <- n
				return
			case <-time.After(10 * time.Millisecond):
				n++
			}
		}
	}()
	n := <-results
	// About 9 rounds of 10ms fit in 100ms; at most 10 can.
	fmt.Println("worker stopped after some work:", n >= 1 && n <= 10, wctx.Err())

	// Many children canceled at once.
	root, rootCancel := context.WithCancel(bg)
	var kids []context.Context
	for i := 0; i < 100; i++ {
		k, kc := context.WithCancel(root)
		if i%2 == 0 {
			kc()
		}
		kids = append(kids, k)
	}
	rootCancel()
	canceled := 0
	for _, k := range kids {
		<-k.Done()
		if k.Err() == context.Canceled {
			canceled++
		}
	}
	fmt.Println("children canceled:", canceled)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		context.WithValue(bg, nil, 1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		context.WithCancel(nil)
	}()
}
