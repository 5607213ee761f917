package main

import "fmt"

type (
	S  struct{ f int }
	PS *S
	T  struct{ a, b string }
	PT *T
)

func b() []PS { return []PS{{f: 1}, {2}, nil} }

func c[P *S]() []P { return []P{{f: 3}} }

func d[P PS]() []P { return []P{{f: 4}} }

func main() {
	s := b()
	fmt.Println(s[0].f, s[1].f, s[2] == nil, c[*S]()[0].f, d[PS]()[0].f)
	m := map[string]PT{"x": {"a", "b"}, "y": {b: "only b"}}
	fmt.Printf("%q %q\n", *m["x"], *m["y"])
	arr := [...]PS{{5}, {6}}
	fmt.Println(len(arr), arr[1].f)
	k := map[PS]int{{7}: 7}
	for p, v := range k {
		fmt.Println(p.f, v)
	}
}
