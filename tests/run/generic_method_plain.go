package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Num interface {
	~int | ~int64 | ~float64
}

type Counter struct {
	name string
	n    int
}

// Apply maps the counter's value through f.
func (c Counter) Apply[T any](f func(int) T) T { return f(c.n) }

// Add adds each value converted through conv (pointer receiver).
func (c *Counter) Add[N Num](xs ...N) {
	for _, x := range xs {
		c.n += int(x)
	}
}

// Pair formats two values of different types.
func (c Counter) Pair[A, B any](a A, b B) string {
	return fmt.Sprintf("%s:%v/%v", c.name, a, b)
}

// Convert uses a type switch on the type parameter's value.
func (c Counter) Convert[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return "int " + strconv.Itoa(x+c.n)
	case string:
		return "string " + strings.Repeat(x, c.n)
	default:
		return fmt.Sprintf("other %T", v)
	}
}

type Celsius float64

type Wrapper struct {
	Counter
	tag string
}

type PtrWrapper struct {
	*Counter
}

func main() {
	c := Counter{"c", 3}
	fmt.Println(c.Apply(func(i int) string { return strconv.Itoa(i * 10) }))
	fmt.Println(c.Apply[float64](func(i int) float64 { return float64(i) / 4 }))
	c.Add(1, 2, 3)
	fmt.Println(c.n)
	c.Add[Celsius](1.5, 2.5)
	fmt.Println(c.n)
	(&c).Add(int64(10))
	fmt.Println(c.n)
	fmt.Println(c.Pair(1, "x"), c.Pair[bool, []int](true, []int{1, 2}))
	fmt.Println(c.Convert(5), c.Convert("ab"), c.Convert(2.5))

	// Method values and method expressions of instances.
	f := c.Apply[bool]
	fmt.Println(f(func(i int) bool { return i > 10 }))
	g := Counter.Pair[int, int]
	fmt.Println(g(c, 7, 8))
	h := (*Counter).Add[int]
	h(&c, 100)
	fmt.Println(c.n)

	// Promoted through embedded fields, by value and by pointer.
	w := Wrapper{Counter{"w", 1}, "t"}
	fmt.Println(w.Apply(func(i int) int { return i + 1 }), w.Pair(w.tag, 2))
	w.Add(5)
	fmt.Println(w.n)
	pw := PtrWrapper{&Counter{"p", 2}}
	pw.Add(3.0)
	fmt.Println(pw.Counter.n, pw.Convert(pw.Counter.n))

	// In defer and go statements.
	done := make(chan string)
	go func() { done <- c.Pair("go", 1) }()
	fmt.Println(<-done)
	defer fmt.Println("deferred", c.Pair[string, int]("d", 2))
	defer c.Add(1000)
	fmt.Println("end", c.n)
}
