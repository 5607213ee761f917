package main

import (
	"fmt"
	"time"
)

func main() {
	ts := []time.Time{time.Unix(1700000000, 123456789), time.Unix(-1, 999999999), time.Unix(0, 0), time.Unix(1700000000, 500000000), time.Time{}, time.Unix(-62135596800-1, 5)}
	ds := []time.Duration{0, -1, 1, time.Microsecond, time.Millisecond, time.Second, 7 * time.Second, time.Minute, time.Hour, 24 * time.Hour, 1<<63 - 1, 3*time.Hour + 17*time.Nanosecond}
	for _, t := range ts {
		for _, d := range ds {
			fmt.Println(t.Truncate(d).UnixNano(), t.Round(d).UnixNano(), t.Truncate(d).Unix(), t.Round(d).Unix(), t.Round(d).Nanosecond())
		}
	}
	now := time.Now()
	r := now.Round(0)
	fmt.Println(r.Equal(now), now.Truncate(time.Hour).Minute())
}
