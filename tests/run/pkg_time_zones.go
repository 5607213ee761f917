package main

import (
	"fmt"
	"time"
)

func main() {
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "UTC", "Local", "Nowhere/City", "../etc"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		for _, ts := range []int64{0, 1e9, 1700000000, 1710054000, 1710050400, 2000000000, 4102444800, 7258118400} {
			t := time.Unix(ts, 0).In(loc)
			fmt.Println(loc, t, t.IsDST(), t.Format(time.RFC3339))
		}
		d := time.Date(2024, 3, 10, 2, 30, 0, 0, loc)
		fmt.Println("gap:", d)
		d = time.Date(2024, 11, 3, 1, 30, 0, 0, loc)
		fmt.Println("overlap:", d)
		d = time.Date(2060, 7, 4, 12, 0, 0, 0, loc)
		fmt.Println("future:", d, d.UTC())
		p, err := time.ParseInLocation("2006-01-02 15:04 MST", "2024-07-01 09:00 EDT", loc)
		fmt.Println(p, err)
	}
	t, err := time.Parse("2006-01-02 15:04 MST", "2024-07-01 09:00 CEST")
	fmt.Println(t, err)
	fmt.Println(time.Unix(1e9, 0).UTC().Local().Location())
}
