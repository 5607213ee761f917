// A Time's monotonic reading (`m=+` in its text) counts from the start of
// the program, not from its first time.Now.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

func main() {
	time.Sleep(60 * time.Millisecond)
	s := time.Now().String()
	i := strings.Index(s, "m=+")
	secs, err := strconv.ParseFloat(s[i+3:], 64)
	fmt.Println(err, secs >= 0.06, secs < 5)
}
