// 18 regexp scanner
package main

import (
	"fmt"
	"regexp"
)

var token = regexp.MustCompile(`\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-+*/()<>=]))`)

func main() {
	src := "x1 = (alpha + 42) * 3.5 >= y"
	pos := 0
	for pos < len(src) {
		m := token.FindStringSubmatchIndex(src[pos:])
		if m == nil || m[0] != 0 {
			fmt.Println("unexpected:", src[pos:])
			return
		}
		switch {
		case m[2] >= 0:
			fmt.Println("NUMBER", src[pos+m[2]:pos+m[3]])
		case m[4] >= 0:
			fmt.Println("IDENT ", src[pos+m[4]:pos+m[5]])
		case m[6] >= 0:
			fmt.Println("OP    ", src[pos+m[6]:pos+m[7]])
		}
		pos += m[1]
	}
}
