package main

import (
	"fmt"
	"time"
)

// The calendar fields and String of times, in the local zone (the tests
// run with the local zone UTC, as gol requires for these methods).
func main() {
	secs := []int64{
		0, -1, 86399, 86400, 951782400, 951868800, 951868799, // around 2000-02-29
		1700000000, 4102444800, -2208988800, -62135596800, // 2100, 1900, year 1
		-62135596801, 253402300799, 253402300800, 1709164800, // year 0, 9999, 10000, 2024-02-29
		-11644473600, 946684800 - 1, 946684800,
	}
	for _, s := range secs {
		t := time.Unix(s, 0)
		y, m, d := t.Date()
		h, mi, se := t.Clock()
		fmt.Println(s, t, "|", y, m, d, h, mi, se, t.Weekday(), t.YearDay(),
			t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond())
	}
	fmt.Println(time.Unix(1, 500), time.Unix(1, 120000000), time.UnixMilli(1700000000999))
	var zero time.Time
	fmt.Println(zero, zero.Weekday(), zero.YearDay())
	fmt.Printf("%v|%s\n", time.Unix(86400*365, 0), time.Unix(1e9, 1))
	// Far from now: negative years, and years past 9999.
	for _, s := range []int64{-62135596800 * 2, -62135596800 - 86400*366, -1 << 62, 1 << 62} {
		t := time.Unix(s, 0)
		fmt.Println(t, t.Year(), t.YearDay(), t.Weekday())
	}
	// Every day of a leap and a common year.
	for _, year := range []int64{2023, 2024} {
		start := time.Unix((year-1970)*365*86400+int64((year-1969)/4)*86400, 0)
		last := 0
		for i := int64(0); i < 366; i++ {
			t := start.Add(time.Duration(i) * 24 * time.Hour)
			if t.Year() == int(year) {
				last = t.YearDay()
			}
		}
		fmt.Println(year, "days:", last, start)
	}
}
