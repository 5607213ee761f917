package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	start := time.Now()
	// One-shot timer.
	t := time.NewTimer(20 * time.Millisecond)
	v := <-t.C
	fmt.Println("timer fired, value after start:", v.After(start), v.Sub(start) >= 20*time.Millisecond)
	fmt.Println("stop after receive:", t.Stop())
	fmt.Println("reset after stop:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired again")

	// Stop before firing.
	t2 := time.NewTimer(30 * time.Millisecond)
	fmt.Println("stop before fire:", t2.Stop(), "again:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("BUG: stopped timer fired")
	case <-time.After(60 * time.Millisecond):
		fmt.Println("stopped timer stayed quiet")
	}

	// Fired but not received: Stop reports true and drains (Go 1.23).
	t3 := time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("stop with unreceived value:", t3.Stop())
	select {
	case <-t3.C:
		fmt.Println("BUG: stale value")
	default:
		fmt.Println("no stale value after Stop")
	}

	// Reset with an unreceived value: returns true, no stale value.
	t4 := time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("reset with unreceived value:", t4.Reset(150*time.Millisecond))
	select {
	case <-t4.C:
		fmt.Println("BUG: stale value after Reset")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("no stale value after Reset")
	}
	<-t4.C
	fmt.Println("reset timer fired")

	// Ticker: 3 ticks, then Stop.
	tk := time.NewTicker(15 * time.Millisecond)
	prev := time.Now()
	for i := 1; i <= 3; i++ {
		tv := <-tk.C
		fmt.Println("tick", i, tv.After(prev) || tv.Equal(prev))
	}
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("BUG: tick after Stop")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
	// Reset a stopped ticker: ticks again.
	tk.Reset(40 * time.Millisecond)
	<-tk.C
	fmt.Println("ticker ticks again after Reset")
	// A slow reader: ticks are dropped, never queued.
	time.Sleep(150 * time.Millisecond)
	n := 0
	for {
		select {
		case <-tk.C:
			n++
			continue
		default:
		}
		break
	}
	fmt.Println("ticks waiting after a slow pause:", n)
	tk.Stop()

	// AfterFunc runs f in its own goroutine.
	done := make(chan string)
	af := time.AfterFunc(10*time.Millisecond, func() { done <- "afterfunc ran" })
	fmt.Println(<-done)
	fmt.Println("stop after run:", af.Stop())
	af2 := time.AfterFunc(20*time.Millisecond, func() { fmt.Println("BUG: stopped AfterFunc ran") })
	fmt.Println("stop AfterFunc before run:", af2.Stop())
	fmt.Println("reset stopped AfterFunc:", af2.Reset(time.Hour), af2.Stop())
	af3 := time.AfterFunc(time.Hour, func() { done <- "reset AfterFunc ran" })
	fmt.Println("reset pending AfterFunc:", af3.Reset(5*time.Millisecond))
	fmt.Println(<-done)
	fmt.Println("AfterFunc C is nil:", af.C == nil)

	// time.After and time.Tick.
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("after")
	}
	tc := time.Tick(5 * time.Millisecond)
	<-tc
	<-tc
	fmt.Println("tick chan twice")
	fmt.Println("nil Tick:", time.Tick(0) == nil, time.Tick(-1) == nil)

	// Zero-duration and negative timers fire at once.
	<-time.NewTimer(0).C
	<-time.After(-time.Second)
	fmt.Println("immediate timers fired")
	time.Sleep(20 * time.Millisecond)
	runtime.Gosched()
	fmt.Println("elapsed at least 300ms:", time.Since(start) >= 300*time.Millisecond)
}
