package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
)

// A worker loop written with goto around a select.
func worker(in <-chan int, quit <-chan struct{}, out chan<- string) {
	total := 0
wait:
	select {
	case v, ok := <-in:
		if !ok {
			goto closed
		}
		total += v
		if v < 0 {
			out <- "negative"
		}
		goto wait
	case <-quit:
		out <- fmt.Sprint("quit with ", total)
		return
	}
closed:
	out <- fmt.Sprint("closed with ", total)
}

// A tokenizer in the style of generated code: states are labels.
func tokens(s string) []string {
	var out []string
	i := 0
	start := 0
	var c byte
begin:
	if i >= len(s) {
		goto eof
	}
	c = s[i]
	start = i
	switch {
	case c == ' ':
		i++
		goto begin
	case c >= '0' && c <= '9':
		goto number
	case c >= 'a' && c <= 'z':
		goto word
	default:
		out = append(out, "op:"+string(c))
		i++
		goto begin
	}
number:
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	out = append(out, "num:"+s[start:i])
	goto begin
word:
	i++
	if i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		goto word
	}
	out = append(out, "id:"+strings.ToUpper(s[start:i]))
	goto begin
eof:
	return out
}

// A goroutine spinning in a backward goto is preempted like a loop: on
// one P the other goroutine still gets to run.
func spin() {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	var flag atomic.Bool
	go func() { flag.Store(true) }()
	n := 0
again:
	n++
	if !flag.Load() {
		goto again
	}
	fmt.Println("spun", n > 0)
}

func main() {
	spin()
	in := make(chan int)
	quit := make(chan struct{})
	out := make(chan string)
	go worker(in, quit, out)
	in <- 1
	in <- -2
	fmt.Println(<-out)
	in <- 40
	close(in)
	fmt.Println(<-out)

	in2 := make(chan int)
	go worker(in2, quit, out)
	in2 <- 5
	close(quit)
	fmt.Println(<-out)

	fmt.Println(tokens("x1 = foo + 42*(bar - 7)"))
	fmt.Printf("%q\n", tokens(""))
}
