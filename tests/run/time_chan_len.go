package main

// A timer's channel (Go 1.23 semantics): len and cap are 0, even with a
// value waiting in it.

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println(len(t.C), cap(t.C))
	tk := time.NewTicker(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println(len(tk.C), cap(tk.C))
	c := time.After(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println(len(c), cap(c))
	<-t.C
	<-c
	tk.Stop()
	fmt.Println("ok")
}
