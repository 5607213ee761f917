package main

import (
	"fmt"
	"sort"
)

type Graph[K comparable] map[K][]K

func (g Graph[K]) AddEdge(a, b K) {
	g[a] = append(g[a], b)
	g[b] = append(g[b], a)
}

func (g Graph[K]) Degree(k K) int { return len(g[k]) }

type Cache[K comparable, V any] struct {
	data  map[K]V
	order []K
	limit int
}

func NewCache[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V), limit: limit}
}

func (c *Cache[K, V]) Put(k K, v V) {
	if _, ok := c.data[k]; !ok {
		c.order = append(c.order, k)
		if len(c.order) > c.limit {
			old := c.order[0]
			c.order = c.order[1:]
			delete(c.data, old)
		}
	}
	c.data[k] = v
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	v, ok := c.data[k]
	return v, ok
}

func main() {
	g := Graph[string]{}
	g.AddEdge("a", "b")
	g.AddEdge("a", "c")
	fmt.Println(g.Degree("a"), g.Degree("b"), len(g))
	keys := make([]string, 0)
	for k := range g {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	c := NewCache[int, string](2)
	c.Put(1, "one")
	c.Put(2, "two")
	c.Put(3, "three")
	_, ok1 := c.Get(1)
	v3, ok3 := c.Get(3)
	fmt.Println(ok1, v3, ok3, c.order)
}
