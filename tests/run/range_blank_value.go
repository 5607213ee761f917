// A range loop whose value is the blank identifier loads no element:
// ranging over a nil pointer to an array with `for i, _ := range p` does not
// dereference p (Go's test/fixedbugs/bug454.go).
package main

func main() {
	var p *[3]int
	n := 0
	for i, _ := range p {
		n += i
	}
	var j int
	for j, _ = range p {
		n += j
	}
	println(n)
	a := [...]string{"x", "y"}
	for i, _ := range a {
		print(i)
	}
	for i, _ := range "héllo" {
		print(" ", i)
	}
	println()
	defer func() { println("recovered:", recover() != nil) }()
	for i, v := range p {
		println(i, v)
	}
}
