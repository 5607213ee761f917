// Package container/list: doubly linked lists, written in Go (gol's own
// bodies; the declarations follow Go's API).
//
// A List is a ring through a sentinel element, `root`, embedded in the
// List: root.next is the front, root.prev the back, and an empty list's
// root points at itself. The sentinel is never handed out: Next and Prev
// answer nil at the ends by comparing with it. Each element records its
// list, so operations given an element of another list (or a removed
// one) do nothing, as Go's do. The zero List is an empty list: its root's
// links are set lazily (lazyInit) by the operations that insert.
package list

type Element struct {
	next  *Element
	prev  *Element
	list  *List
	Value any
}

// Next returns the element after e, or nil.
func (e *Element) Next() *Element {
	if p := e.next; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}

// Prev returns the element before e, or nil.
func (e *Element) Prev() *Element {
	if p := e.prev; e.list != nil && p != &e.list.root {
		return p
	}
	return nil
}

type List struct {
	root Element
	len  int
}

// Init empties l.
func (l *List) Init() *List {
	l.root.next = &l.root
	l.root.prev = &l.root
	l.len = 0
	return l
}

// New returns an empty list.
func New() *List {
	return new(List).Init()
}

// Len is the number of elements; O(1).
func (l *List) Len() int {
	return l.len
}

// Front returns the first element, or nil.
func (l *List) Front() *Element {
	if l.len == 0 {
		return nil
	}
	return l.root.next
}

// Back returns the last element, or nil.
func (l *List) Back() *Element {
	if l.len == 0 {
		return nil
	}
	return l.root.prev
}

// lazyInit initializes a zero List.
func (l *List) lazyInit() {
	if l.root.next == nil {
		l.Init()
	}
}

// insert links e after at and returns it.
func (l *List) insert(e *Element, at *Element) *Element {
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
	e.list = l
	l.len++
	return e
}

// insertValue wraps v in a new element after at.
func (l *List) insertValue(v any, at *Element) *Element {
	return l.insert(&Element{Value: v}, at)
}

// remove unlinks e; its links are cleared so it keeps nothing alive.
func (l *List) remove(e *Element) {
	e.prev.next = e.next
	e.next.prev = e.prev
	e.next = nil
	e.prev = nil
	e.list = nil
	l.len--
}

// move relinks e after at.
func (l *List) move(e *Element, at *Element) {
	if e == at {
		return
	}
	e.prev.next = e.next
	e.next.prev = e.prev

	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
}

// Remove removes e if it belongs to l and returns its Value.
func (l *List) Remove(e *Element) any {
	if e.list == l {
		l.remove(e)
	}
	return e.Value
}

// PushFront inserts v at the front.
func (l *List) PushFront(v any) *Element {
	l.lazyInit()
	return l.insertValue(v, &l.root)
}

// PushBack inserts v at the back.
func (l *List) PushBack(v any) *Element {
	l.lazyInit()
	return l.insertValue(v, l.root.prev)
}

// InsertBefore inserts v before mark (nil when mark is not in l).
func (l *List) InsertBefore(v any, mark *Element) *Element {
	if mark.list != l {
		return nil
	}
	return l.insertValue(v, mark.prev)
}

// InsertAfter inserts v after mark (nil when mark is not in l).
func (l *List) InsertAfter(v any, mark *Element) *Element {
	if mark.list != l {
		return nil
	}
	return l.insertValue(v, mark)
}

// MoveToFront moves e to the front.
func (l *List) MoveToFront(e *Element) {
	if e.list != l || l.root.next == e {
		return
	}
	l.move(e, &l.root)
}

// MoveToBack moves e to the back.
func (l *List) MoveToBack(e *Element) {
	if e.list != l || l.root.prev == e {
		return
	}
	l.move(e, l.root.prev)
}

// MoveBefore moves e just before mark.
func (l *List) MoveBefore(e *Element, mark *Element) {
	if e.list != l || e == mark || mark.list != l {
		return
	}
	l.move(e, mark.prev)
}

// MoveAfter moves e just after mark.
func (l *List) MoveAfter(e *Element, mark *Element) {
	if e.list != l || e == mark || mark.list != l {
		return
	}
	l.move(e, mark)
}

// PushBackList appends a copy of other's values (other may be l).
func (l *List) PushBackList(other *List) {
	l.lazyInit()
	for i, e := other.Len(), other.Front(); i > 0; i, e = i-1, e.Next() {
		l.insertValue(e.Value, l.root.prev)
	}
}

// PushFrontList prepends a copy of other's values (other may be l).
func (l *List) PushFrontList(other *List) {
	l.lazyInit()
	for i, e := other.Len(), other.Back(); i > 0; i, e = i-1, e.Prev() {
		l.insertValue(e.Value, &l.root)
	}
}
