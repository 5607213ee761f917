// 15 unix time
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Unix(1700000000, 0).UTC()
	fmt.Println(t, t.Unix(), t.UnixMilli(), t.UnixNano())
	fmt.Println(time.UnixMilli(1700000000123).UTC().Format(time.RFC3339Nano))
	y, m, d := t.Date()
	h, min, s := t.Clock()
	fmt.Println(y, m, d, h, min, s)
}
