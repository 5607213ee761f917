package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	c := make(chan int)
	go func() { <-c }()
	go func() { time.Sleep(time.Hour) }()
	time.Sleep(10 * time.Millisecond)
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, true)
	os.Stderr.Write(buf[:n])
	fmt.Println("ok")
}
