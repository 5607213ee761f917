package main

import (
	"fmt"
	"time"
)

func main() {
	var zero time.Time
	fmt.Println("zero:", zero.IsZero(), zero.Unix(), zero.Equal(time.Time{}))
	e := time.Unix(0, 0)
	fmt.Println("epoch:", e.IsZero(), e.Unix(), e.UnixNano(), e.UnixMilli(), e.UnixMicro())
	t := time.Unix(1700000000, 123456789)
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli(), t.UnixMicro())
	fmt.Println(time.Unix(5, -1).UnixNano(), time.Unix(5, 2500000000).UnixNano(), time.Unix(-5, -1500000000).UnixNano())
	fmt.Println(time.UnixMilli(-1).UnixNano(), time.UnixMicro(1234567).UnixNano(), time.UnixMilli(1700000000123).Unix())

	u := t.Add(90 * time.Minute)
	fmt.Println(u.Sub(t), t.Sub(u), u.After(t), u.Before(t), t.Before(u), u.Equal(t), u.Compare(t), t.Compare(u), t.Compare(t))
	fmt.Println(t.Add(-1).UnixNano(), t.Add(time.Nanosecond*999999999).UnixNano(), t.Add(-time.Second-1).UnixNano())
	fmt.Println("saturating:", zero.Sub(t), t.Sub(zero), time.Unix(1<<40, 0).Sub(zero))
	fmt.Println("equal across representations:", time.Unix(1, 1e9).Equal(time.Unix(2, 0)))

	// The monotonic clock: Since and Sub of Now values.
	start := time.Now()
	fmt.Println("now is after 2020:", start.Unix() > 1577836800, !start.IsZero())
	time.Sleep(30 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept at least 30ms:", el >= 30*time.Millisecond, el < 5*time.Second)
	later := time.Now()
	fmt.Println("ordered:", later.After(start), start.Before(later), later.Sub(start) >= el, !later.Equal(start))
	fmt.Println("until a past time is negative:", time.Until(start) < 0)
	deadline := start.Add(time.Hour)
	fmt.Println("until a future time:", time.Until(deadline) > 59*time.Minute)
	fmt.Println("add keeps order:", start.Add(time.Millisecond).After(start), start.Add(-time.Millisecond).Before(start))
}
