package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2023, time.March, 5, 14, 7, 9, 123456789, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339))
	fmt.Println(t.Format(time.RFC3339Nano))
	fmt.Println(t.Format(time.Kitchen))
	fmt.Println(t.Format(time.ANSIC))
	fmt.Println(t.Format(time.UnixDate))
	fmt.Println(t.Format(time.RFC1123))
	fmt.Println(t.Format(time.RFC1123Z))
	fmt.Println(t.Format(time.RFC822))
	fmt.Println(t.Format(time.StampMilli))
	fmt.Println(t.Format("2006-01-02 15:04:05.000"))
	fmt.Println(t.Format("Monday, January 2, 2006 at 3:04pm (MST)"))
	fmt.Println(t.Format("06/1/2 __2 002 .999 ,000000"))
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay())
	h, m, s := t.Clock()
	fmt.Println(h, m, s, t.Nanosecond())
	fmt.Println(t.Unix(), t.UnixMilli(), t.UnixNano())
	fmt.Println(t.Truncate(time.Hour), t.Round(time.Hour))
	fmt.Println(t.Round(time.Second), t.Truncate(24*time.Hour))
	fmt.Println(t.Add(36*time.Hour), t.AddDate(0, 1, 30), t.AddDate(-1, -3, 0))
	u := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	fmt.Println(u.Sub(t), u.After(t), u.Before(t), t.Equal(t), u.Compare(t), t.Compare(u))
	fmt.Println(time.Date(2023, 14, 35, 25, 61, 61, 0, time.UTC))
	fmt.Println(time.Unix(1700000000, 5).UTC())
	fmt.Println(time.UnixMilli(1700000000123).UTC().Format(time.RFC3339Nano))
	est := time.FixedZone("EST", -5*3600)
	e := t.In(est)
	fmt.Println(e, e.Location(), e.Format(time.RFC3339), e.Format(time.RFC822Z))
	name, off := e.Zone()
	fmt.Println(name, off, e.Equal(t), e == t)
	ist := time.FixedZone("IST", 5*3600+1800)
	fmt.Println(t.In(ist).Format("15:04 -07:00 Z07:00 -0700 MST"))
	y, w := t.ISOWeek()
	fmt.Println(y, w)
	var z time.Time
	fmt.Println(z, z.IsZero(), z.Location())
	for _, d := range []time.Duration{0, 1, 1500, 2 * time.Millisecond, 90 * time.Minute, 1234567890123} {
		fmt.Println(d, d.Round(time.Second), d.Truncate(time.Millisecond), d.Seconds())
	}
	fmt.Printf("%v %s %d\n", t.Month(), t.Weekday(), t.Month())
	fmt.Println(t.GoString())
}
