// 12 time arithmetic
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Date(2024, 1, 31, 9, 0, 0, 0, time.UTC)
	fmt.Println(start.Add(36 * time.Hour))
	fmt.Println(start.AddDate(0, 1, 0))
	fmt.Println(start.AddDate(1, 0, -31))
	end := time.Date(2024, 3, 1, 17, 30, 0, 0, time.UTC)
	d := end.Sub(start)
	fmt.Println(d, d.Hours(), d.Round(time.Hour), d.Truncate(24*time.Hour))
	fmt.Println(end.After(start), end.Before(start), start.Equal(start))
	fmt.Println(start.Weekday(), start.YearDay(), end.Weekday())
	fmt.Println(start.Truncate(24*time.Hour), end.Round(time.Hour))
}
