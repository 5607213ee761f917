package main

// Counters hammered by 8 goroutines at once: the atomic functions and the
// atomic types must lose no update (plain increments could).

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type stats struct {
	hits   atomic.Int64
	misses atomic.Int32
	bytes  atomic.Uint64
	flags  atomic.Uint32
	ptr    atomic.Uintptr
	done   atomic.Bool
}

var global int64

func main() {
	runtime.GOMAXPROCS(4)
	const workers, rounds = 8, 5000
	var (
		wg    sync.WaitGroup
		n32   int32
		u32   uint32
		n64   int64
		u64   uint64
		uptr  uintptr
		s     stats
		casOK atomic.Int64
		max   int64
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				atomic.AddInt32(&n32, 1)
				atomic.AddUint32(&u32, 2)
				atomic.AddInt64(&n64, -3)
				atomic.AddUint64(&u64, 4)
				atomic.AddUintptr(&uptr, 1)
				atomic.AddInt64(&global, 1)
				s.hits.Add(1)
				s.misses.Add(-1)
				s.bytes.Add(10)
				s.ptr.Add(1)
				s.flags.Or(1 << uint(id))
				// A CAS loop: raise max to a value that depends on the
				// worker and the round.
				v := int64(id*rounds + i)
				for {
					old := atomic.LoadInt64(&max)
					if v <= old || atomic.CompareAndSwapInt64(&max, old, v) {
						break
					}
				}
				// Increment through a CAS loop on the atomic type.
				for {
					old := casOK.Load()
					if casOK.CompareAndSwap(old, old+1) {
						break
					}
				}
				if i%500 == 0 {
					runtime.Gosched()
				}
			}
		}(w)
	}
	wg.Wait()
	s.done.Store(true)
	fmt.Println(n32, u32, n64, u64, uptr, global)
	fmt.Println(s.hits.Load(), s.misses.Load(), s.bytes.Load(), s.ptr.Load(), s.flags.Load(), s.done.Load())
	fmt.Println(max, casOK.Load())
}
