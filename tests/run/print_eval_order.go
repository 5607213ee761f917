// print and println evaluate every argument before printing anything, as
// Go does: a call among the arguments prints first.
package main

func f() int { println("in f"); return 2 }

func main() {
	println("a", f())
	print("b ", f(), "\n")
}
