#!/usr/bin/env python3
"""Writes a valid Go program of about N lines (default 10,000) to stdout:
many small types, methods, functions with loops, switches, closures, maps and
slices, so `gol check` speed can be measured on realistic code."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
out = ['package main', '', 'import (', '\t"fmt"', '\t"strings"', ')', '']
i = 0
while len(out) < n - 10:
    out += f'''type Shape{i} struct {{
	W, H float64
	Name string
	tags []string
}}

func (s *Shape{i}) Area() float64 {{ return s.W * s.H }}

func (s Shape{i}) String() string {{
	return fmt.Sprintf("%s(%g)", s.Name, s.W*s.H)
}}

func compute{i}(xs []int, m map[string]int) (int, error) {{
	total := 0
	for k, x := range xs {{
		switch {{
		case x%3 == 0:
			total += x * k
		case x > 100:
			total -= x
		default:
			total ^= x << 2
		}}
	}}
	add := func(d int) {{ total += d }}
	for key, v := range m {{
		if strings.HasPrefix(key, "a") {{
			add(v)
		}}
	}}
	if total < 0 {{
		return 0, fmt.Errorf("negative total %d", total)
	}}
	s := &Shape{i}{{W: 2, H: float64(total), Name: "s{i}"}}
	_ = s.Area()
	return total, nil
}}
'''.split('\n')
    i += 1
out += ['func main() {', '\tm := map[string]int{"a": 1, "b": 2}', '\tv, err := compute0([]int{1, 2, 3}, m)', '\tfmt.Println(v, err)', '}', '']
print('\n'.join(out))
