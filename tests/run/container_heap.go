package main

// container/heap: heap sort, a priority queue whose items track their
// index (Swap keeps it up to date) with Fix and Remove, and the heap
// invariant checked after each operation.

import (
	"container/heap"
	"fmt"
	"strings"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

func (h IntHeap) valid() bool {
	for i := 1; i < len(h); i++ {
		if h[i] < h[(i-1)/2] {
			return false
		}
	}
	return true
}

type item struct {
	value    string
	priority int
	index    int
}

type PQ []*item

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	return pq[i].priority > pq[j].priority
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	it := x.(*item)
	it.index = len(*pq)
	*pq = append(*pq, it)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	it.index = -1
	*pq = old[:n-1]
	return it
}

func main() {
	// Heap sort of a pseudo-random sequence.
	h := &IntHeap{}
	x := 12345
	for i := 0; i < 40; i++ {
		x = (x*1103515245 + 12345) % 2147483648
		heap.Push(h, x%1000)
		if !h.valid() {
			fmt.Println("invalid after push", i)
		}
	}
	var sorted []string
	for h.Len() > 0 {
		sorted = append(sorted, fmt.Sprint(heap.Pop(h)))
		if !h.valid() {
			fmt.Println("invalid after pop")
		}
	}
	fmt.Println(strings.Join(sorted, " "))

	// Init over an unordered slice, Remove and Fix.
	h2 := &IntHeap{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
	heap.Init(h2)
	fmt.Println(h2.valid(), (*h2)[0])
	fmt.Println(heap.Remove(h2, 3), h2.valid(), h2.Len())
	(*h2)[0] = 100
	heap.Fix(h2, 0)
	fmt.Println(h2.valid(), (*h2)[0])
	(*h2)[h2.Len()-1] = -1
	heap.Fix(h2, h2.Len()-1)
	fmt.Println(h2.valid(), (*h2)[0])
	fmt.Println(heap.Remove(h2, h2.Len()-1), h2.valid())
	for h2.Len() > 0 {
		fmt.Print(heap.Pop(h2), " ")
	}
	fmt.Println()

	// A priority queue.
	items := map[string]int{"banana": 3, "apple": 2, "pear": 4, "kiwi": 1}
	pq := PQ{}
	for _, name := range []string{"banana", "apple", "pear", "kiwi"} {
		heap.Push(&pq, &item{value: name, priority: items[name]})
	}
	orange := &item{value: "orange", priority: 1}
	heap.Push(&pq, orange)
	orange.priority = 5
	heap.Fix(&pq, orange.index)
	kiwi := pq[0]
	for _, it := range pq {
		if it.value == "kiwi" {
			kiwi = it
		}
	}
	removed := heap.Remove(&pq, kiwi.index).(*item)
	fmt.Println("removed", removed.value, removed.index)
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*item)
		fmt.Printf("%.2d:%s ", it.priority, it.value)
	}
	fmt.Println()
}
