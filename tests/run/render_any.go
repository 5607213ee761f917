package main

import (
	"fmt"

)

func render(v any, indent string) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		if x {
			return "true"
		}
		return "false"
	case int:
		return fmt.Sprint(x)
	case float64:
		return fmt.Sprint(x)
	case string:
		return ("\"" + x + "\"")
	case []any:
		s := "["
		for i, e := range x {
			if i > 0 {
				s += ", "
			}
			s += render(e, indent)
		}
		return s + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		// insertion sort, no sort package
		for i := 1; i < len(keys); i++ {
			for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
				keys[j], keys[j-1] = keys[j-1], keys[j]
			}
		}
		s := "{\n"
		for i, k := range keys {
			s += indent + "  " + ("\"" + k + "\"") + ": " + render(x[k], indent+"  ")
			if i < len(keys)-1 {
				s += ","
			}
			s += "\n"
		}
		return s + indent + "}"
	default:
		return fmt.Sprintf("<%T>", x)
	}
}

type Point struct{ X, Y int }

func main() {
	doc := map[string]any{
		"name":  "gol",
		"tags":  []any{"vm", "go", 3, 2.5, nil, true},
		"inner": map[string]any{"a": 1, "b": []any{}},
		"point": Point{1, 2},
	}
	fmt.Println(render(doc, ""))
	counts := map[Point]int{}
	for i := 0; i < 10; i++ {
		counts[Point{i % 3, i % 2}]++
	}
	total := 0
	for p, c := range counts {
		total += c * (p.X + 1)
	}
	fmt.Println(len(counts), total)
}
