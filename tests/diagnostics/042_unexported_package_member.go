package main

import "strings"

func main() {
	var b strings.Builder
	b.buf = nil
}
