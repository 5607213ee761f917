// unicode's tables by name: Categories, Scripts, Properties, CategoryAliases,
// each table usable with unicode.Is (the surrogates and Unicode 17's new
// scripts included).
package main

import (
	"fmt"
	"sort"
	"unicode"
)

func scriptOf(r rune) string {
	var names []string
	for name, t := range unicode.Scripts {
		if unicode.Is(t, r) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return fmt.Sprint(names)
}

func main() {
	fmt.Println(len(unicode.Categories), len(unicode.Scripts), len(unicode.Properties), len(unicode.CategoryAliases))
	for _, r := range "aЖ€7 ж中ا😀" {
		var cats []string
		for name, t := range unicode.Categories {
			if unicode.Is(t, r) {
				cats = append(cats, name)
			}
		}
		sort.Strings(cats)
		fmt.Printf("%q %v %s\n", r, cats, scriptOf(r))
	}
	fmt.Println(unicode.CategoryAliases["Uppercase_Letter"], unicode.Is(unicode.Categories[unicode.CategoryAliases["Uppercase_Letter"]], 'Q'))
	fmt.Println(unicode.Is(unicode.Properties["White_Space"], '\t'), unicode.Is(unicode.Cs, 0xd800), unicode.Is(unicode.Scripts["Sidetic"], 0x10945))
}
