package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

func (r Rect) Area() int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

type Node struct {
	Val  int
	Next *Node
}

func main() {
	p := Point{1, 2}
	q := Point{X: 10}
	fmt.Println(p, q, p.Add(q))
	p.Scale(3)
	fmt.Println(p)
	r := Rect{Min: Point{0, 0}, Max: Point{4, 5}, Name: "r"}
	fmt.Println(r.Area(), r.Max.Y, r.Name)
	r.Max.X = 10
	fmt.Println(r.Area())
	pp := &Point{7, 8}
	pp.Scale(2)
	pp.X++
	fmt.Println(*pp, pp.X, pp.Add(p))
	var head *Node
	for i := 0; i < 5; i++ {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	x := 5
	px := &x
	*px = 6
	fmt.Println(x, *px)
	ps := []Point{{1, 1}, {2, 2}}
	ps[1].X = 9
	fmt.Println(ps)
	np := new(Point)
	np.Y = 3
	fmt.Printf("%v %+v\n", *np, *np)
}
