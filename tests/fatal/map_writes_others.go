// Two goroutines write one map while a third waits: the fatal error's
// report shows as many goroutines as GOTRACEBACK asks (tests/fatal.rs).
package main

import (
	"fmt"
	"time"
)

func recv(c chan int) {
	<-c
}

func write(m map[int]int) {
	for i := 0; ; i++ {
		m[i%64] = i
	}
}

func main() {
	c := make(chan int)
	go recv(c)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("before")
	m := map[int]int{}
	go write(m)
	write(m)
}
