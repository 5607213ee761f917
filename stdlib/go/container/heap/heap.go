// Package container/heap: heap operations on any type implementing
// heap.Interface, written in Go (gol's own bodies; the declarations follow
// Go's API).
//
// The heap is a binary min-heap laid out in the container's indexes
// 0..Len()-1: the children of i are 2i+1 and 2i+2, and Less(parent, child)
// never holds for child < parent after any operation returns. Push and Pop
// go through the container's own Push/Pop, which only append or remove the
// last element; every reordering goes through Swap, so user types see the
// same sequence of calls Go's implementation makes (programs that track an
// element's index in Swap keep working).
package heap

import (
	"sort"
)

type Interface interface {
	sort.Interface
	Push(x any)
	Pop() any
}

// Init establishes the heap order over the whole container: sifting every
// internal node down, from the last one to the root, is O(n).
func Init(h Interface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(h, i, n)
	}
}

// Push adds x at the end and sifts it up to its place.
func Push(h Interface, x any) {
	h.Push(x)
	siftUp(h, h.Len()-1)
}

// Pop removes the least element: it swaps the root with the last element,
// restores the order over the first n-1 elements, then lets the container
// remove the last one.
func Pop(h Interface) any {
	last := h.Len() - 1
	h.Swap(0, last)
	siftDown(h, 0, last)
	return h.Pop()
}

// Remove removes and returns the element at index i.
func Remove(h Interface, i int) any {
	last := h.Len() - 1
	if last != i {
		h.Swap(i, last)
		if !siftDown(h, i, last) {
			siftUp(h, i)
		}
	}
	return h.Pop()
}

// Fix restores the order after the element at index i changed its value.
func Fix(h Interface, i int) {
	if !siftDown(h, i, h.Len()) {
		siftUp(h, i)
	}
}

// siftUp moves the element at j towards the root while it is less than
// its parent.
func siftUp(h Interface, j int) {
	for j > 0 {
		parent := (j - 1) / 2
		if !h.Less(j, parent) {
			return
		}
		h.Swap(parent, j)
		j = parent
	}
}

// siftDown moves the element at i0 towards the leaves (among the first n
// elements) while a child is less than it; it reports whether it moved.
func siftDown(h Interface, i0 int, n int) bool {
	i := i0
	for {
		left := 2*i + 1
		if left >= n || left < 0 {
			// left < 0: 2i+1 overflowed int.
			break
		}
		least := left
		if right := left + 1; right < n && h.Less(right, left) {
			least = right
		}
		if !h.Less(least, i) {
			break
		}
		h.Swap(i, least)
		i = least
	}
	return i > i0
}
