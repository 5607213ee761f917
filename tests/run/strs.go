package main

import "fmt"

func main() {
	s := "hello"
	t := s + ", " + "world"
	fmt.Println(t, len(t), t[0], t[7:], t[:5], t[3:8])
	for i, r := range "héllo€" {
		fmt.Println(i, r, string(r))
	}
	fmt.Println("a" < "b", "ab" < "a", "abc" == "ab"+"c", s != t)
	u := ""
	for i := 0; i < 5; i++ {
		u += string(rune('a' + i))
	}
	fmt.Println(u)
	b := []byte("xyz")
	b[0] = 'X'
	fmt.Println(string(b), len(b))
	fmt.Printf("%q %v %x %5s|%-5s|\n", s, s, s, "ab", "cd")
	fmt.Println(fmt.Sprintf("%d-%s", 42, "x"), fmt.Sprint("a", 1, 2, "b"))
}
