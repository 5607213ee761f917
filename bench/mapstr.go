// mapstr: strings and maps. Builds a map of 500,000 formatted string keys,
// looks up twice as many keys (half of them missing), then concatenates
// every 50th key into one string with +=. Measures string formatting,
// hashing, map growth and string allocation.
package main

import "fmt"

const n = 500000

func main() {
	m := make(map[string]int)
	for i := 0; i < n; i++ {
		m[fmt.Sprintf("k%07d", i)] = i
	}

	hits, sum := 0, 0
	for i := 0; i < 2*n; i++ {
		if v, ok := m[fmt.Sprintf("k%07d", i)]; ok {
			hits++
			sum += v
		}
	}

	s := ""
	for i := 0; i < n; i += 50 {
		s += fmt.Sprintf("k%07d", i) + ";"
	}

	fmt.Println(len(m), hits, sum, len(s), s[len(s)-9:])
}
