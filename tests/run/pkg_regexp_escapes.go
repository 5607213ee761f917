package main

import (
	"fmt"
	"regexp"
)

func main() {
	for _, e := range []string{`\8`, `\9`, `a\E`, `\F`, `\1`, `\0`, `\07`, `\Qa.b\E+`, `\z`, `\A`} {
		re, err := regexp.Compile(e)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s ok %v\n", re, re.MatchString("a.ba.b\x00\x07"))
	}
}
