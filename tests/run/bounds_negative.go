// Failed bounds checks read as Go's: a negative index is reported alone,
// a slice expression names the bound that failed.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	for _, i := range []int{-3, 5} {
		var a [3]int
		s := []int{1, 2, 3}
		str := "héllo"
		p := &a
		j := 1
		try(func() { fmt.Println(s[i]) })
		try(func() { fmt.Println(a[i]) })
		try(func() { fmt.Println(p[i]) })
		try(func() { fmt.Println(str[i]) })
		try(func() { s[i] = 1 })
		try(func() { a[i] = 1 })
		try(func() { fmt.Println(s[i:]) })
		try(func() { fmt.Println(s[:i]) })
		try(func() { fmt.Println(s[i:j]) })
		try(func() { fmt.Println(s[0:1:i]) })
		try(func() { fmt.Println(s[:j:i]) })
		try(func() { fmt.Println(s[i:j:j]) })
		try(func() { fmt.Println(s[j:i:3]) })
		try(func() { fmt.Println(str[i:]) })
		try(func() { fmt.Println(str[:i]) })
		try(func() { fmt.Println(str[i:j]) })
		try(func() { fmt.Println(make([]int, i)) })
	}
}
