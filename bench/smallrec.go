// smallrec: a million records of small fields (1, 1, 2, 4, 4 and 6 bytes
// and a pointer: 32 bytes in Go), linked into a list. The peak resident
// size beside Go's shows what gol's field layout costs.
package main

import "fmt"

type Rec struct {
	ok    bool
	tag   int8
	kind  int16
	count int32
	ratio float32
	flags [6]uint8
	next  *Rec
}

func main() {
	var head *Rec
	for i := 0; i < 1000000; i++ {
		r := &Rec{ok: i%2 == 0, tag: int8(i), kind: int16(i), count: int32(i), ratio: float32(i) / 2, next: head}
		r.flags[i%6] = uint8(i)
		head = r
	}
	oks, tags, kinds, counts, flags := 0, 0, 0, 0, 0
	ratio := float32(0)
	for r := head; r != nil; r = r.next {
		if r.ok {
			oks++
		}
		tags += int(r.tag)
		kinds += int(r.kind)
		counts += int(r.count)
		ratio += r.ratio
		for _, f := range r.flags {
			flags += int(f)
		}
	}
	fmt.Println(oks, tags, kinds, counts, flags, ratio)
}
