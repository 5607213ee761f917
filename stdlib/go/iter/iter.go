// Package iter: gol's version of Go's package. Seq and Seq2 are the
// shapes a range over a function takes (see the checker's rangefunc
// rewrite).
//
// Pull and Pull2 turn a push iterator into a pull one. Go runs the
// iterator as a coroutine: next switches to it until it yields, and
// switches back. Here the coroutine is a goroutine that hands control to
// and from its caller over two unbuffered channels, so exactly one of the
// two runs at a time: the caller blocks on `back` while the iterator
// runs, the iterator blocks on `resume` while the caller does. Each
// handoff is a channel operation, which also orders the plain variables
// they share (v, ok, done, the panic) between the two goroutines.
//
// As in Go: stop before the first next never starts the iterator; a yield
// after stop (or after next has seen the end) returns false; next after
// the end or stop returns the zero value and false; a panic of the
// iterator is recovered in its goroutine and raised again in the caller
// of next or stop. A pull iterator neither exhausted nor stopped leaves
// its goroutine blocked until the program ends.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is the handoff between a pull iterator's caller and the
// goroutine running the push iterator.
type coro struct {
	// resume: caller to iterator, true for the next value, false to stop.
	resume chan bool
	// back: iterator to caller, after a yield or at the end.
	back     chan struct{}
	started  bool
	done     bool
	panicked bool
	panicVal any
}

func newCoro() *coro {
	return &coro{resume: make(chan bool), back: make(chan struct{})}
}

// start runs body (which calls the push iterator) in a goroutine that
// waits for the first resume; a first resume of false ends it unstarted.
func (c *coro) start(body func(), atEnd func()) {
	c.started = true
	go func() {
		defer func() {
			if p := recover(); p != nil {
				c.panicked = true
				c.panicVal = p
			}
			c.done = true
			atEnd()
			c.back <- struct{}{}
		}()
		if !<-c.resume {
			return
		}
		body()
	}()
}

// yielded hands a value to the caller and waits: whether to go on.
func (c *coro) yielded() bool {
	c.back <- struct{}{}
	return <-c.resume
}

// switchTo resumes the iterator (more: for a value, else to stop) and
// waits for it to yield or end; a panic of the iterator goes on here.
func (c *coro) switchTo(more bool) {
	c.resume <- more
	<-c.back
	if c.panicked {
		c.panicked = false
		panic(c.panicVal)
	}
}

// stop ends the iteration (see Pull).
func (c *coro) stop() {
	if c.done {
		return
	}
	c.done = true
	if c.started {
		c.switchTo(false)
	}
}

// Pull converts the push iterator seq into a pull iterator: next returns
// the next value and true, or the zero value and false at the end; stop
// ends the iteration early.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	c := newCoro()
	var v V
	var ok bool
	body := func() {
		seq(func(x V) bool {
			if c.done {
				return false
			}
			v, ok = x, true
			return c.yielded()
		})
	}
	atEnd := func() {
		var zero V
		v, ok = zero, false
	}
	next = func() (V, bool) {
		if c.done {
			var zero V
			return zero, false
		}
		if !c.started {
			c.start(body, atEnd)
		}
		c.switchTo(true)
		return v, ok
	}
	return next, c.stop
}

// Pull2 converts the push iterator seq into a pull iterator of pairs (see
// Pull).
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	c := newCoro()
	var k K
	var v V
	var ok bool
	body := func() {
		seq(func(x K, y V) bool {
			if c.done {
				return false
			}
			k, v, ok = x, y, true
			return c.yielded()
		})
	}
	atEnd := func() {
		var zk K
		var zv V
		k, v, ok = zk, zv, false
	}
	next = func() (K, V, bool) {
		if c.done {
			var zk K
			var zv V
			return zk, zv, false
		}
		if !c.started {
			c.start(body, atEnd)
		}
		c.switchTo(true)
		return k, v, ok
	}
	return next, c.stop
}
