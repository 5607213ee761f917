package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Sq struct{ s float64 }
type Circle struct{ r float64 }

func (q Sq) Area() float64     { return q.s * q.s }
func (q Sq) Name() string      { return "square" }
func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Name() string  { return "circle" }

func describe(s Shape) string {
	return fmt.Sprintf("%s %.1f", s.Name(), s.Area())
}

func main() {
	shapes := []Shape{Sq{2}, &Circle{1}, Sq{3}}
	total := 0.0
	for _, s := range shapes {
		fmt.Println(describe(s))
		total += s.Area()
	}
	fmt.Println(total)
	var x any = 5
	if n, ok := x.(int); ok {
		fmt.Println("int", n)
	}
	_, ok := x.(string)
	fmt.Println(ok)
	var e any
	fmt.Println(e == nil, x == 5, x != "5")
	x = "str"
	fmt.Println(x.(string) + "!")
}
