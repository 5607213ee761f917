package main

import "fmt"

// The value is changed after it was sent: the receiver's read is not
// ordered with that write.
func main() {
	type box struct{ n int }
	b := &box{1}
	ch := make(chan *box, 1)
	done := make(chan bool)
	go func() {
		p := <-ch
		fmt.Println(p.n > 0)
		done <- true
	}()
	ch <- b
	b.n = 2
	<-done
}
