package main

import "fmt"

type Shape interface{ Area() float64 }
type Named interface{ Name() string }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }
func (q Sq) Name() string  { return "sq" }

type Ci struct{ r float64 }

func (c *Ci) Area() float64 { return 3 * c.r * c.r }

func classify(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int-ish ", v)
	case string:
		return "string " + v
	case Named:
		return "named " + v.Name()
	case Shape:
		return fmt.Sprint("shape ", v.Area())
	case []int:
		return fmt.Sprint("slice ", len(v))
	default:
		return fmt.Sprintf("other %T", v)
	}
}

type pt struct{ x, y int }

func main() {
	fmt.Println(classify(nil), classify(1), classify(int64(2)), classify("s"))
	fmt.Println(classify(Sq{2}), classify(&Ci{1}), classify([]int{1, 2}), classify(2.5))
	var s Shape = Sq{3}
	if n, ok := s.(Named); ok {
		fmt.Println(n.Name())
	}
	var a any = s
	sh := a.(Shape)
	fmt.Println(sh.Area())
	_, ok := a.(error)
	fmt.Println(ok)
	p1, p2 := pt{1, 2}, pt{1, 2}
	fmt.Println(p1 == p2, p1 != p2, [2]int{1, 2} == [2]int{1, 3})
	var i1, i2 any = p1, p2
	fmt.Println(i1 == i2)
	switch p1 {
	case pt{0, 0}:
		fmt.Println("zero")
	case pt{1, 2}:
		fmt.Println("one-two")
		fallthrough
	case pt{5, 5}:
		fmt.Println("fell")
	default:
		fmt.Println("def")
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 10:
		fmt.Println("also")
	}
	fmt.Println(min(1.5, -2.0, 3), max(0.0, -0.0), min(2, 1))
}
