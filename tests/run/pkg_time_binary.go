package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, 3, 15, 10, 30, 45, 123456789, time.UTC)
	b, err := t.MarshalBinary()
	fmt.Println(b, err)
	var u time.Time
	fmt.Println(u.UnmarshalBinary(b), u, u.Equal(t), u == t)
	z := time.FixedZone("X", 5*3600+30*60+7)
	t2 := t.In(z)
	b, _ = t2.MarshalBinary()
	fmt.Println(b)
	fmt.Println(u.UnmarshalBinary(b), u, u.Equal(t))
	fmt.Println(u.UnmarshalBinary(nil), u.UnmarshalBinary([]byte{9}), u.UnmarshalBinary([]byte{1, 2}))
	a, _ := t.AppendText([]byte("at "))
	fmt.Println(string(a))
	g, _ := t.GobEncode()
	fmt.Println(len(g))
	s, e := t.ZoneBounds()
	fmt.Println(s.IsZero(), e.IsZero())
	ny, err := time.LoadLocation("America/New_York")
	if err == nil {
		s, e = time.Date(2024, 7, 1, 0, 0, 0, 0, ny).ZoneBounds()
		fmt.Println(s, e)
	}
	var zero time.Time
	b, _ = zero.MarshalBinary()
	fmt.Println(b)
}
