// awfy_towers: "Are We Fast Yet" Towers. The towers of Hanoi with 13
// disks kept as linked lists on three piles: recursion, pointer stores
// and method calls.
package main

import "fmt"

type Disk struct {
	size int
	next *Disk
}

type Towers struct {
	piles []*Disk
	moves int
}

func (t *Towers) pushDisk(disk *Disk, pile int) {
	top := t.piles[pile]
	if top != nil && disk.size >= top.size {
		panic("Cannot put a big disk on a smaller one")
	}
	disk.next = top
	t.piles[pile] = disk
}

func (t *Towers) popDiskFrom(pile int) *Disk {
	top := t.piles[pile]
	if top == nil {
		panic("Attempting to remove a disk from an empty pile")
	}
	t.piles[pile] = top.next
	top.next = nil
	return top
}

func (t *Towers) moveTopDisk(from, to int) {
	t.pushDisk(t.popDiskFrom(from), to)
	t.moves++
}

func (t *Towers) buildTowerAt(pile, disks int) {
	for i := disks; i >= 0; i-- {
		t.pushDisk(&Disk{size: i}, pile)
	}
}

func (t *Towers) moveDisks(disks, from, to int) {
	if disks == 1 {
		t.moveTopDisk(from, to)
	} else {
		other := 3 - from - to
		t.moveDisks(disks-1, from, other)
		t.moveTopDisk(from, to)
		t.moveDisks(disks-1, other, to)
	}
}

func benchmark() int {
	t := &Towers{piles: make([]*Disk, 3)}
	t.buildTowerAt(0, 13)
	t.moves = 0
	t.moveDisks(13, 0, 1)
	return t.moves
}

func main() {
	total := 0
	for i := 0; i < 300; i++ {
		total += benchmark()
	}
	fmt.Println("towers", total)
}
