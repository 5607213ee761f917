// Package context: gol's context package, all in Go on channels,
// sync.Mutex and time.AfterFunc.
//
// Declared: Background, TODO, WithCancel, WithCancelCause, Cause,
// WithDeadline, WithDeadlineCause, WithTimeout, WithTimeoutCause,
// WithValue, WithoutCancel, AfterFunc, the Context interface, CancelFunc,
// CancelCauseFunc, Canceled and DeadlineExceeded.
//
// # Design
// Every cancelable context is a *cancelCtx (Go has a separate timerCtx;
// here a deadline is two more fields, so %T prints *context.cancelCtx for
// a WithTimeout context too). Its Done channel is made eagerly and closed
// once, under its mutex, by the first cancel. A child finds its nearest
// cancelable ancestor through Value(&cancelCtxKey), as Go's
// parentCancelCtx does, and registers in its children set; cancelling a
// context cancels its children (with the same error and cause) and removes
// it from its parent's set. A parent that is some other Context with a Done
// channel is watched by a goroutine, as in Go. A deadline arms a
// time.AfterFunc that cancels with DeadlineExceeded; cancel stops it.
// context.AfterFunc is a cancelCtx child whose cancel starts its function
// (once, racing its stop function for the same sync.Once).
//
// Lock order: a parent's mutex before its children's (cancel holds a
// context's lock while cancelling its children).
//
// Printing: contexts print as Go's do ("context.Background.WithCancel");
// one with a deadline shows it with Time.String, which gol implements only
// when the local time zone is UTC.
package context

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var (
	// Canceled is the error Err returns when the context is canceled.
	Canceled = errors.New("context canceled")
	// DeadlineExceeded is the error Err returns when the deadline passes.
	DeadlineExceeded error = deadlineExceededError{}
)

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

type CancelFunc func()

type CancelCauseFunc func(cause error)

// emptyCtx is never canceled, has no values and no deadline.
type emptyCtx struct {
	name string
}

func (emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (emptyCtx) Done() <-chan struct{}                   { return nil }
func (emptyCtx) Err() error                              { return nil }
func (emptyCtx) Value(key any) any                       { return nil }
func (e emptyCtx) String() string                        { return e.name }

var (
	background Context = emptyCtx{"context.Background"}
	todo       Context = emptyCtx{"context.TODO"}
)

func Background() Context { return background }

func TODO() Context { return todo }

// cancelCtxKey's address is the key under which a cancelCtx returns
// itself from Value.
var cancelCtxKey int

type cancelCtx struct {
	parent Context
	// done is made at the first Done (most contexts are canceled without
	// anyone waiting: a channel each would be wasted); under mu.
	done chan struct{}

	mu       sync.Mutex
	children map[*cancelCtx]bool // nil once canceled; under mu
	err      error               // under mu
	cause    error               // under mu

	hasDeadline bool
	deadline    time.Time
	timer       *time.Timer // under mu

	// afterFunc is AfterFunc's function, started once (guarded by once)
	// when the context is canceled, unless stop got to once first.
	afterFunc func()
	once      sync.Once
}

func (c *cancelCtx) Deadline() (deadline time.Time, ok bool) {
	if c.hasDeadline {
		return c.deadline, true
	}
	return c.parent.Deadline()
}

func (c *cancelCtx) Done() <-chan struct{} {
	c.mu.Lock()
	if c.done == nil {
		c.done = make(chan struct{})
	}
	d := c.done
	c.mu.Unlock()
	return d
}

// closedchan is the Done channel of a context canceled before anyone
// asked for it.
var closedchan = make(chan struct{})

func init() {
	close(closedchan)
}

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return c.parent.Value(key)
}

func (c *cancelCtx) String() string {
	if c.hasDeadline {
		return contextName(c.parent) + ".WithDeadline(" + c.deadline.String() + " [" + time.Until(c.deadline).String() + "])"
	}
	return contextName(c.parent) + ".WithCancel"
}

type stringer interface {
	String() string
}

func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", c)
}

// cancel closes c.done, cancels c's children and, if removeFromParent,
// removes c from its parent's children. A second cancel does nothing.
func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	c.cause = cause
	if c.done == nil {
		c.done = closedchan
	} else {
		close(c.done)
	}
	for child := range c.children {
		child.cancel(false, err, cause)
	}
	c.children = nil
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
	if c.afterFunc != nil {
		c.once.Do(func() { go c.afterFunc() })
	}
	if removeFromParent {
		if p, ok := parentCancelCtx(c.parent); ok {
			p.mu.Lock()
			if p.children != nil {
				delete(p.children, c)
			}
			p.mu.Unlock()
		}
	}
}

// parentCancelCtx is parent's nearest cancelCtx, if parent's Done is that
// context's (a custom Context wrapping it may have its own Done).
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok || p.Done() != done {
		return nil, false
	}
	return p, true
}

// propagateCancel arranges for c to be canceled when parent is.
func (c *cancelCtx) propagateCancel(parent Context) {
	c.parent = parent
	done := parent.Done()
	if done == nil {
		return // parent is never canceled
	}
	select {
	case <-done:
		c.cancel(false, parent.Err(), Cause(parent))
		return
	default:
	}
	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			err, cause := p.err, p.cause
			p.mu.Unlock()
			c.cancel(false, err, cause)
			return
		}
		if p.children == nil {
			p.children = make(map[*cancelCtx]bool)
		}
		p.children[c] = true
		p.mu.Unlock()
		return
	}
	go func() {
		select {
		case <-parent.Done():
			c.cancel(false, parent.Err(), Cause(parent))
		case <-c.Done():
		}
	}()
}

func newCancelCtx(parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{}
	c.propagateCancel(parent)
	return c
}

func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c := newCancelCtx(parent)
	return c, func() { c.cancel(true, Canceled, nil) }
}

func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c := newCancelCtx(parent)
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

// Cause is why c was canceled: the cause given to its cancel function (or
// its ancestor's), else c.Err().
func Cause(c Context) error {
	if cc, ok := c.Value(&cancelCtxKey).(*cancelCtx); ok {
		cc.mu.Lock()
		cause := cc.cause
		cc.mu.Unlock()
		return cause
	}
	return c.Err()
}

func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		// The parent's deadline comes first.
		return WithCancel(parent)
	}
	c := &cancelCtx{done: make(chan struct{}), hasDeadline: true, deadline: d}
	c.propagateCancel(parent)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, cause)
		return c, func() { c.cancel(false, Canceled, nil) }
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded, cause)
		})
	}
	c.mu.Unlock()
	return c, func() { c.cancel(true, Canceled, nil) }
}

func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

// AfterFunc arranges for f to run in its own goroutine once ctx is done
// (at once if it is already). stop cancels that; it returns true if it
// stopped f from being started, false if f was started or stopped before.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := &cancelCtx{done: make(chan struct{}), afterFunc: f}
	a.propagateCancel(ctx)
	return func() bool {
		stopped := false
		a.once.Do(func() { stopped = true })
		if stopped {
			a.cancel(true, Canceled, nil)
		}
		return stopped
	}
}

type valueCtx struct {
	parent   Context
	key, val any
}

func (c *valueCtx) Deadline() (deadline time.Time, ok bool) { return c.parent.Deadline() }
func (c *valueCtx) Done() <-chan struct{}                   { return c.parent.Done() }
func (c *valueCtx) Err() error                              { return c.parent.Err() }

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.parent.Value(key)
}

func (c *valueCtx) String() string {
	return contextName(c.parent) + ".WithValue(" + stringify(c.key) + ", " + stringify(c.val) + ")"
}

func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%T", v)
}

// WithValue is a copy of parent in which Value(key) is val.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}

type withoutCancelCtx struct {
	parent Context
}

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }
func (withoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (withoutCancelCtx) Err() error                              { return nil }
func (c withoutCancelCtx) Value(key any) any                     { return c.parent.Value(key) }
func (c withoutCancelCtx) String() string                        { return contextName(c.parent) + ".WithoutCancel" }

// WithoutCancel is a copy of parent that is never canceled and has no
// deadline, but keeps parent's values.
func WithoutCancel(parent Context) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return withoutCancelCtx{parent}
}
