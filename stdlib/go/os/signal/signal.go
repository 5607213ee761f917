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
	"context"
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
	ignored  = map[int]bool{} // by Ignore, until Notify
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
		delete(ignored, n)
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
	mu.Lock()
	defer mu.Unlock()
	for _, s := range sig {
		n := signum(s)
		ignoreSig(n)
		ignored[n] = true
		delete(enabled, n)
	}
}

// Ignored reports whether sig is ignored by a call of Ignore that no
// Notify undid since (Reset leaves it ignored, as Go's does). Go also
// sees a signal the process started with ignored; gol does not look.
func Ignored(sig os.Signal) bool {
	mu.Lock()
	defer mu.Unlock()
	return ignored[signum(sig)]
}

// NotifyContext returns a copy of parent that is done when one of the
// signals arrives (any, if none is given), when stop is called, or when
// parent is done. Its cause after a signal is "<name> signal received",
// an error that is context.Canceled by errors.Is.
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	cctx, cancel := context.WithCancelCause(parent)
	c := &signalCtx{Context: cctx, cancel: cancel, signals: signals}
	c.ch = make(chan os.Signal, 1)
	Notify(c.ch, c.signals...)
	if cctx.Err() == nil {
		go func() {
			select {
			case s := <-c.ch:
				c.cancel(signalError(s.String() + " signal received"))
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context

	cancel  context.CancelCauseFunc
	signals []os.Signal
	ch      chan os.Signal
}

func (c *signalCtx) stop() {
	c.cancel(nil)
	Stop(c.ch)
}

// String is "signal.NotifyContext(<parent>, [sigs])", as Go prints it.
func (c *signalCtx) String() string {
	name := "context.Background"
	if s, ok := c.Context.(interface{ String() string }); ok {
		name = s.String()
		if len(name) > len(".WithCancel") && name[len(name)-len(".WithCancel"):] == ".WithCancel" {
			name = name[:len(name)-len(".WithCancel")]
		}
	}
	buf := []byte("signal.NotifyContext(" + name)
	if len(c.signals) != 0 {
		buf = append(buf, ", ["...)
		for i, s := range c.signals {
			buf = append(buf, s.String()...)
			if i != len(c.signals)-1 {
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, ']')
	}
	buf = append(buf, ')')
	return string(buf)
}

// signalError is the cause of a NotifyContext's cancellation.
type signalError string

func (s signalError) Error() string { return string(s) }

func (s signalError) Is(target error) bool { return target == context.Canceled }
