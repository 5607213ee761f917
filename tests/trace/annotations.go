// runtime/trace as a program uses it: a window of the run traced to the
// file named by the first argument, with a task, regions and logs.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
)

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	fmt.Println("enabled:", trace.IsEnabled())
	ctx, task := trace.NewTask(context.Background(), "make coffee")
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			trace.WithRegion(ctx, "grind", func() {
				s := 0
				for j := 0; j < 100000; j++ {
					s += j
				}
				trace.Logf(ctx, "beans", "cup %d: %d", i, s)
			})
		}(i)
	}
	wg.Wait()
	task.End()
	fmt.Println(trace.Start(f))
	trace.Stop()
	fmt.Println("enabled:", trace.IsEnabled())
}
