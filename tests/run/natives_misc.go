// The natives of sort, math/rand, errors, sync, sync/atomic, time, os,
// fmt's scanning and runtime, each called once through the package's
// Go API.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type myErr struct{ s string }

func (e *myErr) Error() string { return e.s }

func main() {
	xs := []int{5, -1, 3, 3, 0}
	fs := []float64{2.5, math.NaN(), -1, 0}
	ss := []string{"pear", "apple", "", "fig"}
	sort.Ints(xs)
	sort.Float64s(fs)
	sort.Strings(ss)
	fmt.Println(xs, fs, ss)
	people := []struct {
		n string
		a int
	}{{"a", 3}, {"b", 1}, {"c", 2}}
	sort.Slice(people, func(i, j int) bool { return people[i].a < people[j].a })
	fmt.Println(people)
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(100), r.Float64(), r.NormFloat64(), r.ExpFloat64(), r.Perm(5))
	e1 := &myErr{"boom"}
	w := fmt.Errorf("wrap: %w", e1)
	var target *myErr
	fmt.Println(errors.Unwrap(w) == e1, errors.Is(w, e1), errors.As(w, &target), target.s, errors.Join(e1, errors.New("x")))
	var wg sync.WaitGroup
	var rw sync.RWMutex
	var n int64
	var v atomic.Value
	v.Store("hi")
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			atomic.AddInt64(&n, 2)
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println(n, v.Load(), runtime.NumGoroutine() >= 1, rw.TryLock())
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Round(time.Second), time.Duration(90)*time.Minute)
	t0 := time.Now()
	time.Sleep(2 * time.Millisecond)
	fmt.Println(time.Since(t0) >= 2*time.Millisecond)
	tm := time.NewTimer(time.Millisecond)
	<-tm.C
	fmt.Println(tm.Stop(), tm.Reset(time.Hour))
	_, err := os.ReadFile("/nonexistent/x")
	fmt.Println(err, os.Getenv("NO_SUCH_VAR_X") == "")
	var s1, s2 string
	k, err := fmt.Sscan("a b", &s1, &s2)
	fmt.Println(k, err, s1, s2)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumGC >= 0, runtime.NumCPU() > 0)
}
