package main

import (
	"fmt"
	"sort"
	"strings"
)

type Planet struct {
	Name   string
	Mass   float64
	Radius float64
}

type By func(p1, p2 *Planet) bool

type planetSorter struct {
	planets []Planet
	by      By
}

func (s *planetSorter) Len() int           { return len(s.planets) }
func (s *planetSorter) Swap(i, j int)      { s.planets[i], s.planets[j] = s.planets[j], s.planets[i] }
func (s *planetSorter) Less(i, j int) bool { return s.by(&s.planets[i], &s.planets[j]) }

func (by By) Sort(planets []Planet) {
	sort.Sort(&planetSorter{planets, by})
}

func main() {
	planets := []Planet{
		{"Mercury", 0.055, 0.4},
		{"Venus", 0.815, 0.7},
		{"Earth", 1.0, 1.0},
		{"Mars", 0.107, 1.5},
	}
	name := func(p1, p2 *Planet) bool { return p1.Name < p2.Name }
	mass := func(p1, p2 *Planet) bool { return p1.Mass < p2.Mass }
	dist := func(p1, p2 *Planet) bool { return p1.Radius < p2.Radius }
	By(name).Sort(planets)
	fmt.Println("By name:", planets)
	By(mass).Sort(planets)
	fmt.Println("By mass:", planets)
	By(dist).Sort(planets)
	fmt.Println("By distance:", planets)
	sort.Sort(sort.Reverse(&planetSorter{planets, name}))
	fmt.Println("Reverse name:", planets)

	words := strings.Fields("the quick brown fox jumps over the lazy dog a bb ccc")
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println(words)
	sort.Sort(sort.StringSlice(words))
	fmt.Println(words, sort.IsSorted(sort.StringSlice(words)))
	fs := sort.Float64Slice{2.5, -1, 3}
	sort.Sort(sort.Reverse(fs))
	fmt.Println(fs)
	nums := []int{5, 1, 4}
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	fmt.Println(nums)
	defer func() { fmt.Println("recovered:", recover()) }()
	sort.Slice(42, func(i, j int) bool { return false })
}
