package main

import "fmt"

type Celsius float64
type Point struct{ X, Y int }
type Named struct {
	Name  string
	Tags  []string
	Inner *Point
	any   interface{}
}

func main() {
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d\n", 42, 42, 42, 42, 42, 42)
	fmt.Printf("%x|%X|%#x|%o|%#o|%O|%b\n", 3054, 3054, 3054, 8, 8, 8, 5)
	fmt.Printf("%f|%.2f|%8.3f|%-8.3f|%e|%E|%g|%G\n", 3.14159, 3.14159, 3.14159, 3.14159, 123456.789, 123456.789, 1e21, 1e-7)
	fmt.Printf("%s|%q|%10s|%-10s|%.2s|%x|% x|%X\n", "go", "go\n", "go", "go", "golang", "hi", "hi", "hi")
	fmt.Printf("%c|%q|%U|%#U\n", 'é', 'é', 'é', 'é')
	fmt.Printf("%t|%v|%5t\n", true, false, true)
	fmt.Printf("%v|%+v|%#v\n", Point{1, 2}, Point{1, 2}, Point{1, 2})
	fmt.Printf("%v|%+v\n", &Point{3, 4}, &Point{3, 4})
	fmt.Printf("%v\n", Named{"n", []string{"a", "b"}, nil, 7})
	fmt.Printf("%+v\n", Named{"n", nil, nil, nil})
	fmt.Printf("%#v\n", []int{1, 2})
	fmt.Printf("%#v|%#v|%#v\n", "s", 1.5, Celsius(2))
	fmt.Printf("%v %.1f %T\n", Celsius(36.6), Celsius(36.6), Celsius(0))
	fmt.Printf("%T|%T|%T|%T|%T\n", Point{}, &Point{}, []Point{}, [][]int{}, fmt.Printf)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 5, 2, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%v %v %v\n", int8(-5), uint16(65535), uintptr(10))
	fmt.Printf("%08.3f|%+.2e|%x\n", -3.5, 12345.678, 255.0)
	fmt.Printf("%v|%v|%v\n", []bool{true, false}, [][]string{{"a"}, {}}, []*Point{nil})
	fmt.Printf("%q\n", []string{"a", "b c"})
	fmt.Printf("%s|%v|%d\n", []byte("hey"), []byte("hey"), []byte("hey"))
	fmt.Printf("%x|%X\n", []byte{1, 171}, "\xff")
	fmt.Printf("%v|%s\n", nil, nil)
}
