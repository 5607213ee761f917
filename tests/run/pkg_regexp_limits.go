// Go's limits on a pattern that the engine itself does not set: counted
// repetitions whose counts multiply past 1000, and a syntax tree more
// than 1000 deep (non-capturing groups do not count).
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	for _, p := range []string{
		`(a{1000}){1000}`,
		`a{1001}`,
		`((a{100}){100}){100}`,
		`(((a{2}){2}){2}){2}`,
		`(?:(?:(?:a{30}){30}){30})`,
		`x{1000}y{1000}`,
		`(a{1000}?){1000}?`,
		`(a{2,}){501}`,
		`(a{2,}){500}`,
		`(a{0,1000}){1000}`,
		`(a{1000}){1}`,
		`(a{1000}){0}`,
		`(a{1000}|b){2}`,
		`(?i)(a{500}){3}`,
		`(a{10}(b{10}){10}){10}`,
		strings.Repeat("(", 1001) + "a" + strings.Repeat(")", 1001),
		strings.Repeat("(?:", 1500) + "a" + strings.Repeat(")", 1500),
	} {
		re, err := regexp.Compile(p)
		s := fmt.Sprint(err)
		if len(s) > 70 {
			s = s[:50] + "..." + s[len(s)-10:]
		}
		if err == nil {
			s += fmt.Sprint(" ", re.MatchString(strings.Repeat("a", 40)))
		}
		fmt.Println(len(p), s)
	}
}

func init() {
	// The leftmost-longest engine takes the same deep patterns.
	re := regexp.MustCompile(strings.Repeat("(?:", 1500) + "a+" + strings.Repeat(")", 1500))
	re.Longest()
	fmt.Println(re.FindString("xaaay"))
	re = regexp.MustCompile(strings.Repeat("(", 900) + "a+" + strings.Repeat(")", 900))
	re.Longest()
	fmt.Println(re.FindStringSubmatchIndex("xaaay")[1798:])
}
