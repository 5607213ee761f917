// regexp's leftmost-longest mode: (*Regexp).Longest and CompilePOSIX (POSIX
// syntax: Perl escapes refused, ^ and $ at lines, negated classes without
// newline), submatches included, against a leftmost-first a|ab.
package main

import (
	"fmt"
	"regexp"
)

func main() {
	pats := []string{`a|ab`, `(a|ab)(c|bcd)(d*)`, `(a+)(b+)?`, `(a*)+`, `(a*)*`, `(a|b)*`, `x*`, `(foo|foobar)bar`,
		`(\w+)\s*=\s*(\w*)`, `[a-c]+?`, `(a+?)(a*)`, `^$`, `(?i)HELLO|hello world`, `\bab|abc\b`, `(ab|a)(bc|c)?`,
		`(.*)(\d+)`, `(a|ab|abc|abcd)(d?)`, `é+|éa`, `(?m)^x|^xy`, `a{2,3}|a{1,4}`, `()`, `(a)|(b)`}
	inputs := []string{"ab", "abcd", "aaabbb", "foobarbar", "key = value; k2=v2", "", "xyz\nxyab", "Hello World", "abc ab", "ééa éa", "aaaa", "ba", "abcde"}
	for _, p := range pats {
		re := regexp.MustCompile(p)
		re.Longest()
		for _, in := range inputs {
			fmt.Printf("%s %q %v %q\n", p, in, re.FindAllStringSubmatchIndex(in, -1), re.ReplaceAllString(in, "<$0>"))
		}
	}
	posix := []string{`a|ab`, `(a|ab)(c|bcd)(d*)`, `[^a]+`, `^x|^xy`, `y$`, `[[:alpha:]]+`, `a*?`, `(a+|b+)*`, `[0-9]+(\.[0-9]+)?`}
	for _, p := range posix {
		re := regexp.MustCompilePOSIX(p)
		for _, in := range inputs {
			fmt.Printf("posix %s %q %v\n", p, in, re.FindAllStringSubmatchIndex(in, -1))
		}
	}
	fmt.Println(regexp.MustCompilePOSIX(`a|b`).String())
	_, err := regexp.CompilePOSIX(`\d+`)
	fmt.Println(err)
	defer func() { fmt.Println(recover()) }()
	regexp.MustCompilePOSIX(`(?i)x`)
}
