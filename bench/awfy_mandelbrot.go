// awfy_mandelbrot: "Are We Fast Yet" Mandelbrot. Escape-time test of each
// point of a size x size grid (at most 50 iterations), the bits packed
// into bytes and xor-ed into a checksum: floating-point arithmetic in
// tight loops.
package main

import "fmt"

func mandelbrot(size int) int {
	sum := 0
	byteAcc := 0
	bitNum := 0
	y := 0
	for y < size {
		ci := (2.0 * float64(y) / float64(size)) - 1.0
		x := 0
		for x < size {
			zrzr := 0.0
			zi := 0.0
			zizi := 0.0
			cr := (2.0 * float64(x) / float64(size)) - 1.5
			z := 0
			notDone := true
			escape := 0
			for notDone && z < 50 {
				zr := zrzr - zizi + cr
				zi = 2.0*zr*zi + ci
				zrzr = zr * zr
				zizi = zi * zi
				if zrzr+zizi > 4.0 {
					notDone = false
					escape = 1
				}
				z++
			}
			byteAcc = (byteAcc << 1) + escape
			bitNum++
			if bitNum == 8 {
				sum ^= byteAcc
				byteAcc = 0
				bitNum = 0
			} else if x == size-1 {
				byteAcc <<= 8 - bitNum
				sum ^= byteAcc
				byteAcc = 0
				bitNum = 0
			}
			x++
		}
		y++
	}
	return sum
}

func main() {
	total := 0
	for i := 0; i < 2; i++ {
		total += mandelbrot(500)
	}
	fmt.Println("mandelbrot", total)
}
