// A panic inside a deferred call that runtime.Goexit runs: the trace
// shows the deferred call as called by runtime.Goexit, on top of the
// frames that called Goexit.
package main

import (
	"fmt"
	"runtime"
)

func finish() {
	runtime.Goexit()
}

func worker() {
	defer func() {
		panic(fmt.Sprintf("deferred call of %s", "worker"))
	}()
	finish()
}

func main() {
	go worker()
	select {}
}
