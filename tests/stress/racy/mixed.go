// Racy interface, struct and container values: one goroutine stores
// values of different dynamic types into an interface variable, whole
// structs holding a string and a slice into a shared struct, strings
// into a []string that natives read (strings.Join, fmt), and values into
// a struct read by fmt through a pointer. Readers check every value they
// get is one that was stored (the dynamic type and the data of one
// value; the fields of one struct value): the program prints "torn 0".
package main

import (
	"fmt"
	"strings"
)

var stop bool

type rec struct {
	name string
	data []int
	n    int
}

func main() {
	big := strings.Repeat("y", 1<<16)
	bigData := make([]int, 1000)
	recs := []rec{{"a", []int{1}, 1}, {big, bigData, 2}}
	var iv interface{} = 1
	r := &rec{"a", []int{1}, 1}
	words := []string{"a", "b", "c"}
	done := make(chan bool)
	go func() {
		for i := 0; !stop; i++ {
			switch i % 3 {
			case 0:
				iv = 1
			case 1:
				iv = big
			case 2:
				iv = bigData
			}
			*r = recs[i%2]
			if i%2 == 0 {
				words[1] = "b"
			} else {
				words[1] = big
			}
		}
		done <- true
	}()
	torn := 0
	sum := 0
	for i := 0; i < 30000; i++ {
		switch x := iv.(type) {
		case int:
			if x != 1 {
				torn++
			}
		case string:
			if len(x) != len(big) || x[len(x)-1] != 'y' {
				torn++
			}
		case []int:
			if len(x) != len(bigData) {
				torn++
			} else {
				x[len(x)-1] = 3
			}
		default:
			torn++
		}
		c := *r
		if !(c.n == 1 && c.name == "a" && len(c.data) == 1) && !(c.n == 2 && len(c.name) == len(big) && len(c.data) == len(bigData)) {
			// Whole-struct stores race with field reads of a copy made
			// by one load: a copy is one stored value.
			torn++
		}
		name := r.name
		if name != "a" && len(name) != len(big) {
			torn++
		}
		d := r.data
		if len(d) != 1 && len(d) != len(bigData) {
			torn++
		} else {
			d[len(d)-1] = 5
		}
		if i%200 == 0 {
			j := strings.Join(words, ",")
			if len(j) != 5 && len(j) != 4+len(big) {
				torn++
			}
			sum += len(fmt.Sprint(words)) + len(fmt.Sprintf("%v", *r)) + len(fmt.Sprint(iv))
		}
	}
	stop = true
	<-done
	fmt.Println("torn", torn)
	fmt.Println("done", sum > 0)
}
