// Types nested past any fixed depth: their layouts (size in words,
// comparability, pointer maps) must be exact at every depth.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

// A struct literal type nested 102 levels, holding an array and a string
// at the bottom.
type T struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ x struct{ a [8]int; s string } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } }

// 150 nested named structs, with a pointer and strings at every level.
type N0 struct {
	a [3]int
	s string
	p *int
}
type N1 struct {
	x N0
	y string
}
type N2 struct {
	x N1
	y string
}
type N3 struct {
	x N2
	y string
}
type N4 struct {
	x N3
	y string
}
type N5 struct {
	x N4
	y string
}
type N6 struct {
	x N5
	y string
}
type N7 struct {
	x N6
	y string
}
type N8 struct {
	x N7
	y string
}
type N9 struct {
	x N8
	y string
}
type N10 struct {
	x N9
	y string
}
type N11 struct {
	x N10
	y string
}
type N12 struct {
	x N11
	y string
}
type N13 struct {
	x N12
	y string
}
type N14 struct {
	x N13
	y string
}
type N15 struct {
	x N14
	y string
}
type N16 struct {
	x N15
	y string
}
type N17 struct {
	x N16
	y string
}
type N18 struct {
	x N17
	y string
}
type N19 struct {
	x N18
	y string
}
type N20 struct {
	x N19
	y string
}
type N21 struct {
	x N20
	y string
}
type N22 struct {
	x N21
	y string
}
type N23 struct {
	x N22
	y string
}
type N24 struct {
	x N23
	y string
}
type N25 struct {
	x N24
	y string
}
type N26 struct {
	x N25
	y string
}
type N27 struct {
	x N26
	y string
}
type N28 struct {
	x N27
	y string
}
type N29 struct {
	x N28
	y string
}
type N30 struct {
	x N29
	y string
}
type N31 struct {
	x N30
	y string
}
type N32 struct {
	x N31
	y string
}
type N33 struct {
	x N32
	y string
}
type N34 struct {
	x N33
	y string
}
type N35 struct {
	x N34
	y string
}
type N36 struct {
	x N35
	y string
}
type N37 struct {
	x N36
	y string
}
type N38 struct {
	x N37
	y string
}
type N39 struct {
	x N38
	y string
}
type N40 struct {
	x N39
	y string
}
type N41 struct {
	x N40
	y string
}
type N42 struct {
	x N41
	y string
}
type N43 struct {
	x N42
	y string
}
type N44 struct {
	x N43
	y string
}
type N45 struct {
	x N44
	y string
}
type N46 struct {
	x N45
	y string
}
type N47 struct {
	x N46
	y string
}
type N48 struct {
	x N47
	y string
}
type N49 struct {
	x N48
	y string
}
type N50 struct {
	x N49
	y string
}
type N51 struct {
	x N50
	y string
}
type N52 struct {
	x N51
	y string
}
type N53 struct {
	x N52
	y string
}
type N54 struct {
	x N53
	y string
}
type N55 struct {
	x N54
	y string
}
type N56 struct {
	x N55
	y string
}
type N57 struct {
	x N56
	y string
}
type N58 struct {
	x N57
	y string
}
type N59 struct {
	x N58
	y string
}
type N60 struct {
	x N59
	y string
}
type N61 struct {
	x N60
	y string
}
type N62 struct {
	x N61
	y string
}
type N63 struct {
	x N62
	y string
}
type N64 struct {
	x N63
	y string
}
type N65 struct {
	x N64
	y string
}
type N66 struct {
	x N65
	y string
}
type N67 struct {
	x N66
	y string
}
type N68 struct {
	x N67
	y string
}
type N69 struct {
	x N68
	y string
}
type N70 struct {
	x N69
	y string
}
type N71 struct {
	x N70
	y string
}
type N72 struct {
	x N71
	y string
}
type N73 struct {
	x N72
	y string
}
type N74 struct {
	x N73
	y string
}
type N75 struct {
	x N74
	y string
}
type N76 struct {
	x N75
	y string
}
type N77 struct {
	x N76
	y string
}
type N78 struct {
	x N77
	y string
}
type N79 struct {
	x N78
	y string
}
type N80 struct {
	x N79
	y string
}
type N81 struct {
	x N80
	y string
}
type N82 struct {
	x N81
	y string
}
type N83 struct {
	x N82
	y string
}
type N84 struct {
	x N83
	y string
}
type N85 struct {
	x N84
	y string
}
type N86 struct {
	x N85
	y string
}
type N87 struct {
	x N86
	y string
}
type N88 struct {
	x N87
	y string
}
type N89 struct {
	x N88
	y string
}
type N90 struct {
	x N89
	y string
}
type N91 struct {
	x N90
	y string
}
type N92 struct {
	x N91
	y string
}
type N93 struct {
	x N92
	y string
}
type N94 struct {
	x N93
	y string
}
type N95 struct {
	x N94
	y string
}
type N96 struct {
	x N95
	y string
}
type N97 struct {
	x N96
	y string
}
type N98 struct {
	x N97
	y string
}
type N99 struct {
	x N98
	y string
}
type N100 struct {
	x N99
	y string
}
type N101 struct {
	x N100
	y string
}
type N102 struct {
	x N101
	y string
}
type N103 struct {
	x N102
	y string
}
type N104 struct {
	x N103
	y string
}
type N105 struct {
	x N104
	y string
}
type N106 struct {
	x N105
	y string
}
type N107 struct {
	x N106
	y string
}
type N108 struct {
	x N107
	y string
}
type N109 struct {
	x N108
	y string
}
type N110 struct {
	x N109
	y string
}
type N111 struct {
	x N110
	y string
}
type N112 struct {
	x N111
	y string
}
type N113 struct {
	x N112
	y string
}
type N114 struct {
	x N113
	y string
}
type N115 struct {
	x N114
	y string
}
type N116 struct {
	x N115
	y string
}
type N117 struct {
	x N116
	y string
}
type N118 struct {
	x N117
	y string
}
type N119 struct {
	x N118
	y string
}
type N120 struct {
	x N119
	y string
}
type N121 struct {
	x N120
	y string
}
type N122 struct {
	x N121
	y string
}
type N123 struct {
	x N122
	y string
}
type N124 struct {
	x N123
	y string
}
type N125 struct {
	x N124
	y string
}
type N126 struct {
	x N125
	y string
}
type N127 struct {
	x N126
	y string
}
type N128 struct {
	x N127
	y string
}
type N129 struct {
	x N128
	y string
}
type N130 struct {
	x N129
	y string
}
type N131 struct {
	x N130
	y string
}
type N132 struct {
	x N131
	y string
}
type N133 struct {
	x N132
	y string
}
type N134 struct {
	x N133
	y string
}
type N135 struct {
	x N134
	y string
}
type N136 struct {
	x N135
	y string
}
type N137 struct {
	x N136
	y string
}
type N138 struct {
	x N137
	y string
}
type N139 struct {
	x N138
	y string
}
type N140 struct {
	x N139
	y string
}
type N141 struct {
	x N140
	y string
}
type N142 struct {
	x N141
	y string
}
type N143 struct {
	x N142
	y string
}
type N144 struct {
	x N143
	y string
}
type N145 struct {
	x N144
	y string
}
type N146 struct {
	x N145
	y string
}
type N147 struct {
	x N146
	y string
}
type N148 struct {
	x N147
	y string
}
type N149 struct {
	x N148
	y string
}

// An array type nested 101 deep.
type A [1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1]int

// An embedding chain 100 deep: the method is promoted through all of it.
type E0 struct{ E1 }
type E1 struct{ E2 }
type E2 struct{ E3 }
type E3 struct{ E4 }
type E4 struct{ E5 }
type E5 struct{ E6 }
type E6 struct{ E7 }
type E7 struct{ E8 }
type E8 struct{ E9 }
type E9 struct{ E10 }
type E10 struct{ E11 }
type E11 struct{ E12 }
type E12 struct{ E13 }
type E13 struct{ E14 }
type E14 struct{ E15 }
type E15 struct{ E16 }
type E16 struct{ E17 }
type E17 struct{ E18 }
type E18 struct{ E19 }
type E19 struct{ E20 }
type E20 struct{ E21 }
type E21 struct{ E22 }
type E22 struct{ E23 }
type E23 struct{ E24 }
type E24 struct{ E25 }
type E25 struct{ E26 }
type E26 struct{ E27 }
type E27 struct{ E28 }
type E28 struct{ E29 }
type E29 struct{ E30 }
type E30 struct{ E31 }
type E31 struct{ E32 }
type E32 struct{ E33 }
type E33 struct{ E34 }
type E34 struct{ E35 }
type E35 struct{ E36 }
type E36 struct{ E37 }
type E37 struct{ E38 }
type E38 struct{ E39 }
type E39 struct{ E40 }
type E40 struct{ E41 }
type E41 struct{ E42 }
type E42 struct{ E43 }
type E43 struct{ E44 }
type E44 struct{ E45 }
type E45 struct{ E46 }
type E46 struct{ E47 }
type E47 struct{ E48 }
type E48 struct{ E49 }
type E49 struct{ E50 }
type E50 struct{ E51 }
type E51 struct{ E52 }
type E52 struct{ E53 }
type E53 struct{ E54 }
type E54 struct{ E55 }
type E55 struct{ E56 }
type E56 struct{ E57 }
type E57 struct{ E58 }
type E58 struct{ E59 }
type E59 struct{ E60 }
type E60 struct{ E61 }
type E61 struct{ E62 }
type E62 struct{ E63 }
type E63 struct{ E64 }
type E64 struct{ E65 }
type E65 struct{ E66 }
type E66 struct{ E67 }
type E67 struct{ E68 }
type E68 struct{ E69 }
type E69 struct{ E70 }
type E70 struct{ E71 }
type E71 struct{ E72 }
type E72 struct{ E73 }
type E73 struct{ E74 }
type E74 struct{ E75 }
type E75 struct{ E76 }
type E76 struct{ E77 }
type E77 struct{ E78 }
type E78 struct{ E79 }
type E79 struct{ E80 }
type E80 struct{ E81 }
type E81 struct{ E82 }
type E82 struct{ E83 }
type E83 struct{ E84 }
type E84 struct{ E85 }
type E85 struct{ E86 }
type E86 struct{ E87 }
type E87 struct{ E88 }
type E88 struct{ E89 }
type E89 struct{ E90 }
type E90 struct{ E91 }
type E91 struct{ E92 }
type E92 struct{ E93 }
type E93 struct{ E94 }
type E94 struct{ E95 }
type E95 struct{ E96 }
type E96 struct{ E97 }
type E97 struct{ E98 }
type E98 struct{ E99 }
type E99 struct{ E100 }

type E100 struct{ v int }

func (e E100) Get() int { return e.v + 1 }

type Getter interface{ Get() int }

func main() {
	var v T
	v.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.s = "bottom"
	v.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.a[7] = 7
	w := v
	fmt.Println(w == v, len(fmt.Sprint(v)))
	v.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.s = "other"
	fmt.Println(w == v)

	k := 7
	ns := make([]N149, 3)
	for i := range ns {
		ns[i].y = strings.Repeat("y", i+1)
		ns[i].x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.p = &k
	}
	runtime.GC()
	fmt.Println(ns[2].y, *ns[1].x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.p, len(fmt.Sprint(ns[0])) > 0)
	m := map[N149]int{}
	m[ns[1]] = 3
	fmt.Println(m[ns[1]], m[ns[0]])

	as := make([]A, 4)
	strs := []string{"a", "b"}
	as[3][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] = 9
	runtime.GC()
	fmt.Println(len(as), strs, as[3] == as[2], as[3][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0])

	var e E0
	e.v = 41
	var g Getter = e
	fmt.Println(g.Get(), e.Get())
}
