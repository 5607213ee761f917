// 11 time parsing
package main

import (
	"fmt"
	"time"
)

func main() {
	layouts := []struct{ layout, value string }{
		{time.RFC3339, "2023-10-15T08:45:00+02:00"},
		{"2006-01-02 15:04", "2023-10-15 08:45"},
		{"Jan 2, 2006", "Oct 15, 2023"},
		{"2006-01-02", "2023-02-30"},
	}
	for _, l := range layouts {
		t, err := time.Parse(l.layout, l.value)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(t, "->", t.UTC().Format(time.RFC3339))
	}
}
