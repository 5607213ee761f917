package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan string, 3)
	stop1 := context.AfterFunc(ctx, func() { ran <- "first" })
	stop2 := context.AfterFunc(ctx, func() { ran <- "BUG: stopped" })
	fmt.Println("stop before cancel:", stop2(), "again:", stop2())
	cancel()
	fmt.Println(<-ran)
	fmt.Println("stop after run:", stop1())
	// On a context that is already done: f runs at once.
	stop3 := context.AfterFunc(ctx, func() { ran <- "already done" })
	fmt.Println(<-ran)
	fmt.Println("stop:", stop3())
	// On a context that is never canceled: stop is true.
	stop4 := context.AfterFunc(context.Background(), func() { ran <- "BUG" })
	fmt.Println("background stop:", stop4())
	// With a timeout.
	tctx, tcancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer tcancel()
	context.AfterFunc(tctx, func() { ran <- "after timeout: " + tctx.Err().Error() })
	fmt.Println(<-ran)
	select {
	case s := <-ran:
		fmt.Println(s)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("nothing else ran")
	}
	d, dcancel := context.WithDeadline(context.Background(), time.Unix(4102444800, 0))
	defer dcancel()
	s := fmt.Sprint(d)
	fmt.Println(s[:strings.Index(s, " [")])
}
