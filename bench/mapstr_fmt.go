// mapstr_fmt: mapstr's formatting alone, a variant that isolates it: as
// many fmt.Sprintf("k%07d", i) calls as mapstr makes (1,500,000), without
// the map or the concatenation.
package main

import "fmt"

const n = 500000

func main() {
	total, last := 0, ""
	for i := 0; i < 3*n; i++ {
		last = fmt.Sprintf("k%07d", i)
		total += len(last)
	}
	fmt.Println(total, last)
}
