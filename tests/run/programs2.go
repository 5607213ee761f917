package main

import "fmt"

type Item struct {
	Name  string
	Tags  [2]string
	Count int
}

type Shape interface{ Area() int }
type Rect struct{ w, h int }

func (r Rect) Area() int { return r.w * r.h }

type Stack struct{ data []int }

func (s *Stack) Push(v int) { s.data = append(s.data, v) }
func (s *Stack) Pop() int {
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v
}

func main() {
	inv := map[string]Item{}
	inv["a"] = Item{"apple", [2]string{"red", "fruit"}, 3}
	it := inv["a"]
	it.Count++
	inv["a"] = it
	fmt.Println(inv["a"].Count, inv["a"].Tags[1], len(inv["zz"].Name))
	lists := map[string][]int{}
	for i := 0; i < 5; i++ {
		k := "odd"
		if i%2 == 0 {
			k = "even"
		}
		lists[k] = append(lists[k], i)
	}
	fmt.Println(lists["even"], lists["odd"])
	var fs []func() string
	for _, v := range []any{1, "two", Rect{2, 3}, nil} {
		switch x := v.(type) {
		case int:
			fs = append(fs, func() string { return fmt.Sprint("int ", x+1) })
		case Shape:
			fs = append(fs, func() string { return fmt.Sprint("shape ", x.Area()) })
		default:
			fs = append(fs, func() string { return fmt.Sprint("other ", x) })
		}
	}
	for _, f := range fs {
		fmt.Println(f())
	}
	var a1, a2 any = [2]int{1, 2}, [2]int{1, 2}
	fmt.Println(a1 == a2, a1 != [2]int{2, 1})
	st := &Stack{}
	for i := range 5 {
		st.Push(i * i)
	}
	fmt.Println(st.Pop(), st.Pop(), len(st.data))
	grid := [3][4]int{}
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i + j
		}
	}
	total := 0
	for _, row := range grid {
		for _, v := range row {
			total += v
		}
	}
	fmt.Println(total, grid[2][3])
	type key struct{ x, y int }
	visited := make(map[key]int, 10)
	q := []key{{0, 0}}
	for len(q) > 0 {
		c := q[0]
		q = q[1:]
		if _, ok := visited[c]; ok || c.x > 3 || c.y > 3 {
			continue
		}
		visited[c] = c.x + c.y
		q = append(q, key{c.x + 1, c.y}, key{c.x, c.y + 1})
	}
	fmt.Println(len(visited), visited[key{3, 3}])
	s := "héllo, 世界"
	cnt := map[string]int{}
	for i, r := range s {
		if r > 127 {
			cnt["wide"]++
			_ = i
		} else {
			cnt["narrow"]++
		}
	}
	fmt.Println(cnt["wide"], cnt["narrow"])
	m2 := map[int]string{1: "a"}
	added := 0
	for k := range m2 {
		if k < 100 {
			m2[k+1000] = "x"
			added++
		}
	}
	fmt.Println(added >= 1, len(m2))
}
