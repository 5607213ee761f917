// awfy_bounce: "Are We Fast Yet" Bounce. 100 balls in a 500x500 box, 50
// steps each; counts the bounces off the walls. Exercises field access
// through pointers and small method calls.
package main

import "fmt"

type Random struct{ seed int }

func (r *Random) next() int {
	r.seed = ((r.seed * 1309) + 13849) & 65535
	return r.seed
}

type Ball struct{ x, y, xVel, yVel int }

func newBall(r *Random) *Ball {
	b := &Ball{}
	b.x = r.next() % 500
	b.y = r.next() % 500
	b.xVel = (r.next() % 300) - 150
	b.yVel = (r.next() % 300) - 150
	return b
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (b *Ball) bounce() bool {
	xLimit, yLimit := 500, 500
	bounced := false
	b.x += b.xVel
	b.y += b.yVel
	if b.x > xLimit {
		b.x = xLimit
		b.xVel = 0 - abs(b.xVel)
		bounced = true
	}
	if b.x < 0 {
		b.x = 0
		b.xVel = abs(b.xVel)
		bounced = true
	}
	if b.y > yLimit {
		b.y = yLimit
		b.yVel = 0 - abs(b.yVel)
		bounced = true
	}
	if b.y < 0 {
		b.y = 0
		b.yVel = abs(b.yVel)
		bounced = true
	}
	return bounced
}

func benchmark() int {
	r := &Random{seed: 74755}
	balls := make([]*Ball, 100)
	for i := range balls {
		balls[i] = newBall(r)
	}
	bounces := 0
	for i := 0; i < 50; i++ {
		for _, b := range balls {
			if b.bounce() {
				bounces++
			}
		}
	}
	return bounces
}

func main() {
	total := 0
	for i := 0; i < 1000; i++ {
		total += benchmark()
	}
	fmt.Println("bounce", total)
}
