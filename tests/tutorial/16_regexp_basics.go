// 16 regexp basics
package main

import (
	"fmt"
	"regexp"
)

func main() {
	re := regexp.MustCompile(`^[a-z]+\[[0-9]+\]$`)
	fmt.Println(re.MatchString("adam[23]"), re.MatchString("eve[7]"), re.MatchString("Job[48]"))
	digits := regexp.MustCompile(`\d+`)
	fmt.Println(digits.FindString("abc 123 def 45"))
	fmt.Println(digits.FindAllString("abc 123 def 45 g6", -1))
	fmt.Println(digits.FindStringIndex("abc 123"))
	fmt.Println(digits.ReplaceAllString("a1b22c333", "#"))
}
