package main

import "fmt"

type Num interface {
	~int | ~int64 | ~float64
}

type Matrix[T Num] struct {
	rows, cols int
	data       []T
}

func NewMatrix[T Num](r, c int) *Matrix[T] {
	return &Matrix[T]{r, c, make([]T, r*c)}
}

func (m *Matrix[T]) At(i, j int) T     { return m.data[i*m.cols+j] }
func (m *Matrix[T]) Set(i, j int, v T) { m.data[i*m.cols+j] = v }

func (m *Matrix[T]) Mul(o *Matrix[T]) *Matrix[T] {
	r := NewMatrix[T](m.rows, o.cols)
	for i := 0; i < m.rows; i++ {
		for j := 0; j < o.cols; j++ {
			var s T
			for k := 0; k < m.cols; k++ {
				s += m.At(i, k) * o.At(k, j)
			}
			r.Set(i, j, s)
		}
	}
	return r
}

func (m *Matrix[T]) String() string {
	s := ""
	for i := 0; i < m.rows; i++ {
		s += fmt.Sprint(m.data[i*m.cols : (i+1)*m.cols])
		s += "\n"
	}
	return s
}

func Identity[T Num](n int) *Matrix[T] {
	m := NewMatrix[T](n, n)
	for i := 0; i < n; i++ {
		m.Set(i, i, 1)
	}
	return m
}

func main() {
	a := NewMatrix[int](2, 2)
	a.Set(0, 0, 1)
	a.Set(0, 1, 2)
	a.Set(1, 0, 3)
	a.Set(1, 1, 4)
	fmt.Print(a.Mul(a))
	fmt.Print(a.Mul(Identity[int](2)))
	f := Identity[float64](2)
	f.Set(0, 1, 0.5)
	fmt.Print(f.Mul(f))
}
