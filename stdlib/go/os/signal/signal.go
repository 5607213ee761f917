// Package signal (os/signal): incoming signals delivered on channels.
//
// How a signal reaches Go code: Notify installs a handler (natives in
// stdlib/src/natives/signal.rs) that writes the signal's number to a
// pipe, async-signal-safely; one goroutine, started by the first
// Notify, waits on that pipe in a blocking system call (its M gives its
// P away, as for a read of standard input) and hands each signal to the
// registered channels with a non-blocking send, as Go's signal loop
// does: a channel that is not ready misses the signal.
package signal

import (
	"os"
	"sync"
	"syscall"
)

func enable(sig int)

func disable(sig int)

func ignoreSig(sig int)

// wait blocks until a handled signal arrives: its number.
func wait() int

type handler struct {
	c    chan<- os.Signal
	sigs []int // none: every signal
}

var (
	mu       sync.Mutex
	handlers []*handler
	started  bool
	enabled  = map[int]int{}
)

// catchable are the signals Notify with no arguments relays.
var catchable = []int{1, 2, 3, 10, 12, 13, 14, 15, 28}

func signum(s os.Signal) int {
	if ss, ok := s.(syscall.Signal); ok {
		return int(ss)
	}
	return -1
}

// Notify causes package signal to relay incoming signals to c (all of
// them if no signal is given).
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	mu.Lock()
	defer mu.Unlock()
	h := &handler{c: c}
	for _, s := range sig {
		if n := signum(s); n > 0 {
			h.sigs = append(h.sigs, n)
		}
	}
	list := h.sigs
	if len(sig) == 0 {
		list = catchable
	}
	for _, n := range list {
		if enabled[n] == 0 {
			enable(n)
		}
		enabled[n]++
	}
	handlers = append(handlers, h)
	if !started {
		started = true
		go loop()
	}
}

func (h *handler) wants(n int) bool {
	if len(h.sigs) == 0 {
		for _, c := range catchable {
			if c == n {
				return true
			}
		}
		return false
	}
	for _, s := range h.sigs {
		if s == n {
			return true
		}
	}
	return false
}

func loop() {
	for {
		n := wait()
		mu.Lock()
		for _, h := range handlers {
			if h.wants(n) {
				select {
				case h.c <- syscall.Signal(n):
				default:
				}
			}
		}
		mu.Unlock()
	}
}

// Stop causes package signal to stop relaying incoming signals to c.
func Stop(c chan<- os.Signal) {
	mu.Lock()
	defer mu.Unlock()
	for i, h := range handlers {
		if h.c == c {
			handlers = append(handlers[:i], handlers[i+1:]...)
			list := h.sigs
			if len(list) == 0 {
				list = catchable
			}
			for _, n := range list {
				enabled[n]--
				if enabled[n] == 0 {
					disable(n)
				}
			}
			return
		}
	}
}

// Reset undoes the effect of any prior calls to Notify for the signals.
func Reset(sig ...os.Signal) {
	mu.Lock()
	defer mu.Unlock()
	list := catchable
	if len(sig) > 0 {
		list = nil
		for _, s := range sig {
			list = append(list, signum(s))
		}
	}
	for _, n := range list {
		delete(enabled, n)
		disable(n)
	}
	handlers = nil
}

// Ignore causes the provided signals to be ignored.
func Ignore(sig ...os.Signal) {
	for _, s := range sig {
		ignoreSig(signum(s))
	}
}
