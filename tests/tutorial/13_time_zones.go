// 13 time zones
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, name := range []string{"America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		lt := t.In(loc)
		zone, off := lt.Zone()
		fmt.Printf("%-18s %s %s %d\n", name, lt.Format("2006-01-02 15:04 MST"), zone, off/3600)
	}
	fixed := time.FixedZone("UTC+5:30", 5*3600+30*60)
	fmt.Println(t.In(fixed))
}
