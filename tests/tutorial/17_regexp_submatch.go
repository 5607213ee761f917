// 17 regexp submatch
package main

import (
	"fmt"
	"regexp"
)

func main() {
	re := regexp.MustCompile(`(?P<key>\w+)=(?P<value>"[^"]*"|\S+)`)
	line := `name="Ann Lee" age=30 city=Paris`
	for _, m := range re.FindAllStringSubmatch(line, -1) {
		fmt.Printf("%s -> %s\n", m[re.SubexpIndex("key")], m[re.SubexpIndex("value")])
	}
	fmt.Println(re.SubexpNames())
	fmt.Println(re.ReplaceAllString(line, "${key}:$value"))
}
