package main

import (
	"fmt"
	"time"
)

func show(layout, value string) {
	t, err := time.Parse(layout, value)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(t, "|", t.Format(time.RFC3339Nano), t.Location())
}

func main() {
	show(time.RFC3339, "2023-03-05T14:07:09Z")
	show(time.RFC3339, "2023-03-05T14:07:09.25+02:00")
	show(time.RFC3339Nano, "2023-03-05T14:07:09.123456789-07:00")
	show("2006-01-02", "2021-12-31")
	show("2006-01-02 15:04:05", "2021-12-31 23:59:59.5")
	show(time.Kitchen, "3:04PM")
	show(time.ANSIC, "Mon Jan  2 15:04:05 2006")
	show(time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC")
	show(time.RFC1123, "Mon, 02 Jan 2006 15:04:05 PST")
	show(time.RFC822Z, "02 Jan 06 15:04 -0700")
	show("Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)")
	show("2006-01-02", "2021-02-30")
	show("2006-01-02", "2021-13-01")
	show("2006-01-02", "21-01-01")
	show("2006-01-02", "2021-01-01 extra")
	show("15:04:05", "25:00:00")
	show("2006-002", "2020-060")
	show("02/01/2006 15:04:05.000", "31/12/1999 23:59:58.123")
	show("January 2 2006", "march 4 2010")
	loc := time.FixedZone("X", 3600)
	t, err := time.ParseInLocation("2006-01-02 15:04", "2022-06-01 12:30", loc)
	fmt.Println(t, err)
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err)
	_, err = time.ParseDuration("3x")
	fmt.Println(err)
}
