// Slices of small aggregates that fit one slot word but are narrow in
// memory: read, written, converted to interfaces and compared.
package main

import "fmt"

type B struct{ b uint8 }
type A [1]int8
type P struct{ x, y int16 }
type F struct{ f float32 }

func main() {
	bs := []B{{255}, {1}, {2}}
	bs[1] = B{200}
	bs[2].b++
	var x any = bs[0].b
	fmt.Println(bs, bs[0], x, bs[1] == B{200})
	as := []A{{127}, {-128}}
	as[0][0]++
	fmt.Println(as, as[1], as[0] == A{-128})
	ps := make([]P, 3)
	ps[2] = P{-1, 32767}
	ps[1].x = ps[2].y
	fmt.Println(ps, ps[2].x, ps[1])
	fs := []F{{0.1}, {1e30}}
	fs[1].f *= 1e10
	fmt.Println(fs, fs[0].f == 0.1, float64(fs[0].f))
	for i, v := range bs {
		fmt.Print(i, v.b, " ")
	}
	fmt.Println()
	m := map[B]A{bs[0]: as[0]}
	fmt.Println(m[B{255}], len(m))
}
