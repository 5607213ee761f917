package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	s := "alice@example.com, bob@test.com; carol@x.org"
	fmt.Println(re.MatchString(s), re.FindString(s), re.FindStringIndex(s))
	fmt.Println(re.FindStringSubmatch(s), re.FindStringSubmatchIndex(s))
	fmt.Println(re.FindAllString(s, -1), re.FindAllString(s, 1), re.FindAllStringIndex(s, -1))
	fmt.Printf("%q\n", re.FindAllStringSubmatch(s, -1))
	fmt.Println(re.ReplaceAllString(s, "$2:$1"), re.ReplaceAllString(s, "${1}_x $3 $$ $1x"))
	fmt.Println(re.ReplaceAllStringFunc(s, strings.ToUpper), re.ReplaceAllLiteralString(s, "$1"))
	fmt.Println(re.NumSubexp(), re.String(), len(re.SubexpNames()))
	named := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})(?:-(?<day>\d\d))?`)
	fmt.Printf("%q %d\n", named.SubexpNames(), named.SubexpIndex("month"))
	m := named.FindStringSubmatch("date: 2024-03")
	fmt.Printf("%q\n", m)
	fmt.Println(named.ReplaceAllString("2024-03-05 and 1999-12", "${day}/${month}/${year}"))
	sp := regexp.MustCompile(`\s*[,;]\s*`)
	fmt.Printf("%q\n", sp.Split("a , b;c ,d", -1))
	fmt.Printf("%q\n", sp.Split("a , b;c ,d", 2))
	fmt.Printf("%q\n", regexp.MustCompile(`a*`).Split("baaac", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`a*`).FindAllStringIndex("baaab", -1))
	fmt.Printf("%q\n", regexp.MustCompile(``).FindAllString("abc", -1))
	fmt.Println(regexp.MustCompile(`x*`).ReplaceAllString("abc", "-"))
	fmt.Println(regexp.MustCompile(`a|b`).ReplaceAllString("cab", "[$0]"))
	fmt.Println(regexp.MustCompile(`\d+`).FindAllString("١٢٣ 456 7", -1))
	fmt.Println(regexp.MustCompile(`\bgo\b`).FindAllStringIndex("go gopher ago go", -1))
	fmt.Println(regexp.MustCompile(`^\w+$`).MatchString("héllo"), regexp.MustCompile(`^.+$`).MatchString("héllo"))
	fmt.Println(regexp.MustCompile(`(?i)HELLO\z`).MatchString("say hello"), regexp.MustCompile(`(?m)^b$`).FindAllString("a\nb\nc\nb", -1))
	fmt.Println(regexp.MustCompile(`\Qa.b\E+`).FindString("xa.bbb"), regexp.QuoteMeta("1+1=2? [ok]"))
	fmt.Println(regexp.MustCompile(`[[:alpha:]]+`).FindAllString("ab12cd", -1), regexp.MustCompile(`[^\d\s]+`).FindAllString("ab 12 cd3", -1))
	fmt.Println(regexp.MustCompile(`a{2,3}`).FindAllString("aaaaaaa", -1), regexp.MustCompile(`x{`).MatchString("x{"))
	fmt.Println(regexp.MustCompile(`(a)|(b)`).FindStringSubmatchIndex("b"))
	fmt.Println(regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]"))
	fmt.Println(string(regexp.MustCompile(`o`).ReplaceAll([]byte("foo"), []byte("0"))), string(regexp.MustCompile(`o+`).Find([]byte("foo"))))
	for _, bad := range []string{`(abc`, `abc)`, `*a`, `a**`, `[a-`, `\1`, `a{1001}`, `\Z`, `a{2,1}`, `x++`, `(?P<n>a)(?P<n>b)`, `[z-a]`} {
		_, err := regexp.Compile(bad)
		fmt.Println(err)
	}
	defer func() { fmt.Println("recovered:", recover()) }()
	regexp.MustCompile(`a(b`)
}
