// fmt.FormatString rebuilds a directive from a State's flags, width and
// precision.
package main

import "fmt"

type st struct {
	flags     string
	wid, prec int
	hw, hp    bool
}

func (s st) Flag(c int) bool {
	for _, f := range s.flags {
		if int(f) == c {
			return true
		}
	}
	return false
}
func (s st) Width() (int, bool)          { return s.wid, s.hw }
func (s st) Precision() (int, bool)      { return s.prec, s.hp }
func (s st) Write(b []byte) (int, error) { return len(b), nil }

func main() {
	fmt.Println(fmt.FormatString(st{}, 'v'))
	fmt.Println(fmt.FormatString(st{"+-# 0", 12, 3, true, true}, 'x'))
	fmt.Println(fmt.FormatString(st{"#", 0, 0, false, true}, 'é'))
	fmt.Println(fmt.FormatString(st{"0", -5, 0, true, false}, 'd'))
}
