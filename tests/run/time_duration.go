package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, -1, 999, 1000, -1000, 1500 * time.Microsecond, 150 * time.Millisecond,
		1500 * time.Millisecond, 2 * time.Minute, time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond,
		1<<63 - 1, -1 << 63, 72*time.Hour + 3*time.Minute + 500*time.Millisecond, 100 * time.Hour}
	for _, d := range ds {
		fmt.Println(d, d.String(), d.Nanoseconds(), d.Microseconds(), d.Milliseconds(), d.Seconds(), d.Minutes(), d.Hours())
		fmt.Println(d.Round(time.Millisecond), d.Truncate(time.Second), d.Round(time.Hour), d.Abs(), d.Round(0), d.Truncate(-1))
	}
	for _, s := range []string{"1.5s", "300ms", "-1.5h", "2h45m", "0", "", "1", "1x", "1µs", "1μs", "1us", ".5s", "1.s", ".s", "+3m", "9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns", "1\x00s", "3.000000000000000000001s"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	fmt.Println(time.March, time.Month(13), time.Saturday, time.Weekday(-1))
	fmt.Printf("%v %s %d\n", 90*time.Second, time.Duration(42), time.Second)
}
