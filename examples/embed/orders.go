// Orders priced by the host: the exchange rates come from the Rust
// program that embeds gol (host.Rate), and the host calls Total by name.
package main

import (
	"fmt"
	"host"
	"strings"
)

// Total converts an amount in cents of currency cur to euro cents.
func Total(cents int, cur string) (int, error) {
	rate, err := host.Rate(strings.ToUpper(cur))
	if err != nil {
		return 0, fmt.Errorf("pricing %d %s: %w", cents, cur, err)
	}
	return int(float64(cents)*rate + 0.5), nil
}

func main() {
	orders := []struct {
		cents int
		cur   string
	}{{1000, "usd"}, {250, "eur"}, {999, "gbp"}, {5, "xyz"}}
	sum := 0
	for _, o := range orders {
		t, err := Total(o.cents, o.cur)
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Printf("%5d %s = %5d EUR cents\n", o.cents, o.cur, t)
		sum += t
	}
	fmt.Println("sum:", sum)
}
