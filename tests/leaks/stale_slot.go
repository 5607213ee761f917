// The timeout leak while main sleeps and another goroutine collects:
// the channel is still in main's slot stack, in a slot of the returned
// call that lies inside main's own window (a callee's window starts
// inside its caller's). The stack maps call that slot dead, so the leak
// shows at the collection (with GODEBUG=gcliveness=0 every slot counts
// and it shows only at exit, once main's frames are gone).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func fetch() int {
	a, b, c := 1, 2, make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		c <- a + b // LEAK chan send
	}()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Millisecond):
		return -1
	}
}

func main() {
	r := fetch()
	go func() {
		time.Sleep(50 * time.Millisecond)
		runtime.GC()
	}()
	time.Sleep(200 * time.Millisecond)
	fmt.Println(r, "done")
}
