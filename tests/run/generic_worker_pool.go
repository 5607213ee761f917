package main

import (
	"fmt"
	"sort"
	"sync"
)

func ParallelMap[T, U any](in []T, workers int, f func(T) U) []U {
	out := make([]U, len(in))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = f(in[i])
			}
		}()
	}
	for i := range in {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func Merge[T any](chans ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, c := range chans {
		wg.Add(1)
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func From[T any](xs ...T) <-chan T {
	c := make(chan T, len(xs))
	for _, x := range xs {
		c <- x
	}
	close(c)
	return c
}

func main() {
	sq := ParallelMap([]int{1, 2, 3, 4, 5, 6, 7, 8}, 3, func(x int) int { return x * x })
	fmt.Println(sq)
	strs := ParallelMap([]string{"a", "bb"}, 2, func(s string) int { return len(s) })
	fmt.Println(strs)
	var got []string
	for v := range Merge(From("x", "y"), From("z")) {
		got = append(got, v)
	}
	sort.Strings(got)
	fmt.Println(got)
}
