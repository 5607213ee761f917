// 14 durations
package main

import (
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{"1h30m", "90s", "1.5h", "300ms", "2h45m10.5s", "bad"} {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, d.Seconds(), d.Minutes())
	}
	fmt.Println(time.Duration(1500)*time.Microsecond, 3*time.Millisecond+7*time.Microsecond)
}
