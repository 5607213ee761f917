package main

type Num interface{ ~int | ~float64 }

type S struct{ n float64 }

func (s *S) Add[N Num](x N) { s.n += float64(x) }

func main() {
	var s S
	s.Add("x")
}
