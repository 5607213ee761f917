// Package runtime/pprof: gol's subset, written by hand. Two profiles:
// "goroutineleak" (Go 1.26's goroutine leak profile: WriteTo runs the
// runtime's leak check, Count gives what the last one found) and
// "goroutine" (Count, and WriteTo at debug=2). Profiles are text: debug=0
// (Go's gzipped protocol buffer) is an error, and so is debug=1 for the
// goroutine profile.
package pprof

import (
	"errors"
	"io"
	"runtime"
)

// A Profile is a named profile.
type Profile struct {
	name string
}

// Lookup returns the profile with the given name, or nil if gol has no
// such profile.
func Lookup(name string) *Profile {
	if name == "goroutine" || name == "goroutineleak" {
		return &Profile{name: name}
	}
	return nil
}

// Name returns the profile's name.
func (p *Profile) Name() string {
	return p.name
}

// Count returns the number of entries: live goroutines, or the leaked
// goroutines the last leak profile found.
func (p *Profile) Count() int {
	if p.name == "goroutine" {
		return runtime.NumGoroutine()
	}
	return runtime_goroutineleakcount()
}

// WriteTo writes the profile's text to w.
func (p *Profile) WriteTo(w io.Writer, debug int) error {
	leak := p.name == "goroutineleak"
	if leak {
		runtime_goroutineLeakGC()
	}
	var text []byte
	switch {
	case debug <= 0:
		return errors.New("pprof: gol writes text profiles only (debug >= 1)")
	case debug >= 2:
		text = goroutineDump(leak)
	case leak:
		text = leakText()
	default:
		return errors.New("pprof: gol writes the goroutine profile at debug=2 only")
	}
	_, err := w.Write(text)
	return err
}

func runtime_goroutineLeakGC()

func runtime_goroutineleakcount() int

func goroutineDump(leaked bool) []byte

func leakText() []byte
