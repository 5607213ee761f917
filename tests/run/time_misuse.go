package main

import (
	"fmt"
	"time"
)

func try(name string, f func()) {
	defer func() {
		fmt.Println(name+":", recover())
	}()
	f()
}

func main() {
	try("Timer.Stop", func() { var t time.Timer; t.Stop() })
	try("Timer.Reset", func() { var t time.Timer; t.Reset(time.Second) })
	try("Ticker.Stop", func() { var t time.Ticker; t.Stop() })
	try("Ticker.Reset", func() { var t time.Ticker; t.Reset(time.Second) })
	try("Ticker.Reset(0)", func() { t := time.NewTicker(time.Second); defer t.Stop(); t.Reset(0) })
	try("NewTicker(0)", func() { time.NewTicker(0) })
	try("NewTicker(-1)", func() { time.NewTicker(-1) })
	try("nil Timer", func() { var t *time.Timer; t.Stop() })
	// A timer channel has no room for a sender and never closes.
	t := time.NewTimer(time.Hour)
	fmt.Println("stop:", t.Stop())
	select {
	case v, ok := <-t.C:
		fmt.Println("BUG", v, ok)
	default:
		fmt.Println("nothing to receive")
	}
	time.Sleep(-1)
	time.Sleep(0)
	fmt.Println("non-positive sleeps return")
}
