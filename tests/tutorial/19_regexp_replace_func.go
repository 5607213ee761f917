// 19 regexp replace func
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	re := regexp.MustCompile(`\b\w`)
	fmt.Println(re.ReplaceAllStringFunc("the quick brown fox", strings.ToUpper))
	dates := regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)
	fmt.Println(dates.ReplaceAllString("from 2024-01-15 to 2024-02-01", "$3/$2/$1"))
	fmt.Printf("%q\n", regexp.MustCompile(`\s*,\s*`).Split("a , b,c ,  d", -1))
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
}
