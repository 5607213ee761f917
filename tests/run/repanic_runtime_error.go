// A runtime error raised again while a deferred call handles the same one
// is Go's "[recovered, repanicked]": Go's runtime errors compare by value.
package main

import "fmt"

func f() (p *[]bool) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			_ = (*p)[0]
		}
	}()
	_ = (*p)[0]
	return nil
}

func main() {
	f()
}
