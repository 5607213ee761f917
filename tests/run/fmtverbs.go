package main

import "fmt"

func main() {
	fmt.Printf("%d %5d %-5d| %05d %x %X %o %b %c %U\n", 42, 42, 42, -42, 255, 255, 8, 5, 'A', 0x1F600)
	fmt.Printf("%f %.2f %e %g %8.3f %v\n", 3.14159, 3.14159, 1234.5678, 0.000001234, 2.5, 1.0)
	fmt.Printf("%t %v %s %q %v\n", true, false, "str", "q\"s", nil)
	fmt.Printf("%T %T %T %T %T\n", 1, 2.0, "s", true, 'r')
	fmt.Printf("%d %s\n", "notint", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	var i8 int8 = -5
	var u32 uint32 = 1 << 31
	fmt.Println(i8, u32, float32(1)/3, 1.0/3)
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Println(fmt.Sprintln("x", 1) == "x 1\n")
}
