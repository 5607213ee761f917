// awfy_queens: "Are We Fast Yet" Queens. Solves the eight queens problem
// by backtracking over boolean slices of free rows and diagonals.
package main

import "fmt"

type Queens struct {
	freeRows  []bool
	freeMaxs  []bool
	freeMins  []bool
	queenRows []int
}

func filled(n int, v bool) []bool {
	s := make([]bool, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func (q *Queens) getRowColumn(r, c int) bool {
	return q.freeRows[r] && q.freeMaxs[c+r] && q.freeMins[c-r+7]
}

func (q *Queens) setRowColumn(r, c int, v bool) {
	q.freeRows[r] = v
	q.freeMaxs[c+r] = v
	q.freeMins[c-r+7] = v
}

func (q *Queens) placeQueen(c int) bool {
	for r := 0; r < 8; r++ {
		if q.getRowColumn(r, c) {
			q.queenRows[r] = c
			q.setRowColumn(r, c, false)
			if c == 7 {
				return true
			}
			if q.placeQueen(c + 1) {
				return true
			}
			q.setRowColumn(r, c, true)
		}
	}
	return false
}

func queens() bool {
	q := &Queens{freeRows: filled(8, true), freeMaxs: filled(16, true), freeMins: filled(16, true),
		queenRows: make([]int, 8)}
	for i := range q.queenRows {
		q.queenRows[i] = -1
	}
	return q.placeQueen(0)
}

func benchmark() bool {
	result := true
	for i := 0; i < 10; i++ {
		result = result && queens()
	}
	return result
}

func main() {
	count := 0
	for i := 0; i < 500; i++ {
		if benchmark() {
			count++
		}
	}
	fmt.Println("queens", count)
}
