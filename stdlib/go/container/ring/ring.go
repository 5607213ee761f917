// Package container/ring: circular doubly linked lists, written in Go
// (gol's own bodies; the declarations follow Go's API).
//
// A ring has no beginning or end: a *Ring is any of its elements, and a
// ring of one element points at itself. The zero Ring is a ring of one
// element whose links are set lazily (init), as Go's zero value must work
// without a constructor: every method starts by making sure the links are
// set.
package ring

type Ring struct {
	next  *Ring
	prev  *Ring
	Value any
}

// init makes a zero Ring a one-element ring.
func (r *Ring) init() *Ring {
	r.next = r
	r.prev = r
	return r
}

// Next returns the next element (r must not be nil).
func (r *Ring) Next() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.next
}

// Prev returns the previous element (r must not be nil).
func (r *Ring) Prev() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.prev
}

// Move moves n elements forwards (n > 0) or backwards (n < 0), modulo the
// ring's length.
func (r *Ring) Move(n int) *Ring {
	if r.next == nil {
		return r.init()
	}
	for ; n < 0; n++ {
		r = r.prev
	}
	for ; n > 0; n-- {
		r = r.next
	}
	return r
}

// New makes a ring of n elements (nil when n <= 0).
func New(n int) *Ring {
	if n <= 0 {
		return nil
	}
	first := &Ring{}
	p := first
	for i := 1; i < n; i++ {
		q := &Ring{prev: p}
		p.next = q
		p = q
	}
	p.next = first
	first.prev = p
	return first
}

// Link connects r with s so that r.Next() becomes s, and returns r's
// former successor. With r and s in different rings the result is one
// ring with s's ring inserted after r; with r and s in the same ring the
// elements between r and s are removed, forming the returned ring.
func (r *Ring) Link(s *Ring) *Ring {
	n := r.Next()
	if s != nil {
		p := s.Prev()
		r.next = s
		s.prev = r
		n.prev = p
		p.next = n
	}
	return n
}

// Unlink removes n % r.Len() elements after r and returns them as a ring
// (nil when none are removed).
func (r *Ring) Unlink(n int) *Ring {
	if n <= 0 {
		return nil
	}
	return r.Link(r.Move(n + 1))
}

// Len counts the elements; O(n). A nil ring has 0.
func (r *Ring) Len() int {
	n := 0
	if r != nil {
		n = 1
		for p := r.Next(); p != r; p = p.next {
			n++
		}
	}
	return n
}

// Do calls f on each element's Value, forwards from r. f must not change
// the ring.
func (r *Ring) Do(f func(any)) {
	if r != nil {
		f(r.Value)
		for p := r.Next(); p != r; p = p.next {
			f(p.Value)
		}
	}
}
