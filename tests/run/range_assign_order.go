// Assignments in a range clause follow Go's two phases: index and
// indirection operands on the left first, then the stores left to right.
package main

type T struct {
	f int
	a [3]int
}

var calls int

func idx(i int) int {
	calls++
	println("idx", i)
	return i
}

func ptr(p *int, name string) *int {
	println("ptr", name)
	return p
}

func main() {
	// Slice element indexed by the key variable.
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	println(i, x[0], x[1])

	// Array in slots.
	var a [3]int
	i = 2
	for i, a[i] = range [2]int{7, 8} {
	}
	println(i, a[0], a[1], a[2])

	// Addressed array (heap).
	var b [3]int
	pb := &b
	i = 2
	for i, b[i] = range []int{5, 6} {
	}
	println(i, b[0], b[1], b[2], pb[2])

	// Map index with the key variable.
	m := map[int]string{}
	k := 100
	for k, m[k] = range []string{"a", "b"} {
	}
	println(k, len(m), m[100], m[0], m[1])

	// Value first, then the key used as index.
	y := []int{1, 2, 3}
	r := 1
	for y[r], r = range []int{2} {
	}
	println(r, y[0], y[1], y[2])

	// Pointer deref and field targets.
	var u, v int
	var t T
	pt := &t
	for *ptr(&u, "u"), *ptr(&v, "v") = range []int{3, 4} {
	}
	println(u, v)
	for pt.f, pt.a[pt.f] = range []int{11, 12, 13} {
	}
	println(t.f, t.a[0], t.a[1], t.a[2])
	var s T
	for s.f, s.a[s.f] = range []int{21, 22, 23} {
	}
	println(s.f, s.a[0], s.a[1], s.a[2])

	// Index expressions evaluated once per iteration, in order.
	z := make([]int, 4)
	var j int
	for j, z[idx(j)] = range []int{1, 2, 3} {
	}
	println(j, z[0], z[1], z[2], z[3], calls)

	// The same order in a plain tuple assignment to arrays.
	var c [4]int
	n := 1
	n, c[n] = 3, 9
	println(n, c[1], c[3])
	arrs := [2][3]int{}
	q := 0
	q, arrs[1][q] = 2, 8
	println(q, arrs[1][0], arrs[1][2])

	// Over a string and a map (one key, so the order is fixed).
	rs := []rune{'a', 'b'}
	h := 1
	for h, rs[h] = range "c" {
	}
	println(h, string(rs))
	mm := map[string]int{"k": 5}
	var key string
	vals := map[string]int{}
	for key, vals[key] = range mm {
	}
	println(key, len(vals), vals[""])
}
