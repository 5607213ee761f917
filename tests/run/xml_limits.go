package main

import (
	"encoding/xml"
	"fmt"
	"strings"
)

type N struct {
	Kids []N `xml:"a"`
}

func main() {
	var n N
	deep := strings.Repeat("<a>", 9000) + strings.Repeat("</a>", 9000)
	fmt.Println(xml.Unmarshal([]byte(deep), &n))
	deep = strings.Repeat("<a>", 10001) + strings.Repeat("</a>", 10001)
	fmt.Println(xml.Unmarshal([]byte(deep), &n))
	var s string
	fmt.Println(xml.Unmarshal([]byte(deep), &s))
}
