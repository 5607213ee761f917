// CompilePOSIX's syntax: line anchors, negated classes, Perl syntax refused.
package main

import (
	"fmt"
	"regexp"
)

func main() {
	fmt.Printf("%q\n", regexp.MustCompilePOSIX("^b").FindString("a\nb"))
	fmt.Printf("%q\n", regexp.MustCompilePOSIX("a$").FindAllString("a\na", -1))
	fmt.Printf("%q\n", regexp.MustCompilePOSIX("[^a]+").FindString("b\nc"))
	fmt.Printf("%q\n", regexp.MustCompilePOSIX(".+").FindString("b\nc"))
	for _, p := range []string{`\d`, `(?i)a`, `a*?`, `(?P<x>a)`, `\pL`, `\b`, `[[:alpha:]]+`, `a{2}`, `\Qa\E`, `\z`, `\A`} {
		_, err := regexp.CompilePOSIX(p)
		fmt.Println(p, err)
	}
	fmt.Println(regexp.MustCompilePOSIX("a|b").String())
	re := regexp.MustCompile("a|ab")
	fmt.Println(re.FindString("ab"))
	re.Longest()
	fmt.Println(re.FindString("ab"))
}
