package main

import (
	"context"
	"fmt"
	"time"
)

// What is written before time.AfterFunc is visible to its callback, and
// a context's cancellation orders what came before it with what follows
// Done.
func main() {
	msg := "armed"
	done := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() {
		done <- msg + " and fired"
	})
	fmt.Println(<-done)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err())

	result := 0
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() {
		result = 42
		cancel2()
	}()
	<-ctx2.Done()
	fmt.Println(result)
}
