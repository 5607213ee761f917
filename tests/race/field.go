package main

import "fmt"

type point struct {
	x, y int
}

func move(p *point) {
	p.y++
}

func main() {
	p := &point{1, 2}
	done := make(chan bool)
	go func() {
		move(p)
		done <- true
	}()
	p.x = 5
	p.y = 3
	<-done
	fmt.Println(p.x)
}
