// complex(f()) with a call of two results supplies both parts, as
// append(f()) and copy(f()) take theirs.
package main

import "fmt"

func parts64() (float64, float64) { return 5, -7 }

func parts32() (float32, float32) { return 1.5, 2.25 }

type F float64

func named() (F, F) { return 3, 4 }

func main() {
	c := complex(parts64())
	fmt.Println(c, real(c), imag(c))
	d := complex(parts32())
	fmt.Printf("%T %v\n", d, d)
	e := complex(named())
	fmt.Printf("%T %v\n", e, e)
	fmt.Println(complex(parts64()) == 5-7i)
}
