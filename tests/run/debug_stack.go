package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
)

func inner() {
	os.Stderr.Write(debug.Stack())
	debug.PrintStack()
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, false)
	os.Stderr.Write(buf[:n])
	fmt.Println(n > 0)
}

func main() {
	inner()
	done := make(chan bool)
	go func() {
		inner()
		done <- true
	}()
	<-done
}
