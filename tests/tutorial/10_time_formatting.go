// 10 time formatting
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.July, 4, 15, 30, 45, 500000000, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339))
	fmt.Println(t.Format(time.RFC1123))
	fmt.Println(t.Format(time.Kitchen))
	fmt.Println(t.Format("Monday, January 2, 2006"))
	fmt.Println(t.Format("02/01/06 15:04:05.000"))
	fmt.Println(t.Format("3:04PM on Jan _2"))
	fmt.Println(t.Format(time.DateOnly), t.Format(time.TimeOnly))
}
