package main

import "fmt"

func main() {
	var a, b int
	var s string
	var f float64
	var ok bool
	var u8 uint8
	var i8 int8
	tests := []string{"", "5", "5 6", " 5\n6 ", "x", "5 x", "0x1F 0b11", "1_000 2", "300", "-129", "abc", "3.5", "1e3", "true", "T", "yes", "99999999999999999999"}
	for _, in := range tests {
		a, b = 0, 0
		n, err := fmt.Sscan(in, &a, &b)
		fmt.Printf("Sscan(%q) ints: %d %d %d %v\n", in, n, a, b, err)
		n, err = fmt.Sscanln(in, &a, &b)
		fmt.Printf("Sscanln(%q) ints: %d %d %d %v\n", in, n, a, b, err)
		n, err = fmt.Sscan(in, &s, &f)
		fmt.Printf("Sscan(%q) s,f: %d %q %v %v\n", in, n, s, f, err)
		n, err = fmt.Sscan(in, &ok)
		fmt.Printf("Sscan(%q) bool: %d %v %v\n", in, n, ok, err)
		n, err = fmt.Sscan(in, &u8, &i8)
		fmt.Printf("Sscan(%q) u8,i8: %d %v %v %v\n", in, n, u8, i8, err)
	}
	n, err := fmt.Sscanln("1 2 3", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("age=42 name=bob", "age=%d name=%s", &a, &s)
	fmt.Println(n, a, s, err)
	n, err = fmt.Sscanf("7,8", "%d,%d", &a, &b)
	fmt.Println(n, a, b, err)
	n, err = fmt.Sscanf("7;8", "%d,%d", &a, &b)
	fmt.Println(n, a, b, err)
	n, err = fmt.Sscanf("3.25 x", "%f %s", &f, &s)
	fmt.Println(n, f, s, err)
	n, err = fmt.Sscanf("ff", "%x", &a)
	fmt.Println(n, a, err)
	var r rune
	n, err = fmt.Sscanf("é", "%c", &r)
	fmt.Println(n, r, err)
	n, err = fmt.Sscanf("5", "%d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("5 6 7", "%d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf(`"quoted str" 1`, "%q %d", &s, &a)
	fmt.Println(n, s, a, err)
	n, err = fmt.Sscan("x", &a)
	fmt.Printf("%T\n", err)
}
