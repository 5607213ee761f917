package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"hash"
)

// Every hash, fed a message in pieces of every size around the block and
// padding boundaries, and summed in between, gives the digest of one
// write.
func main() {
	msg := make([]byte, 300)
	for i := range msg {
		msg[i] = byte(i*7 + 3)
	}
	news := []struct {
		name string
		f    func() hash.Hash
	}{{"md5", md5.New}, {"sha1", sha1.New}, {"sha256", sha256.New}, {"sha224", sha256.New224}}
	for _, n := range news {
		for _, l := range []int{0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 300} {
			whole := n.f()
			whole.Write(msg[:l])
			want := whole.Sum(nil)
			fmt.Printf("%s %d %x\n", n.name, l, want)
			for _, step := range []int{1, 7, 55, 63, 64, 65, 130} {
				h := n.f()
				var mid []byte
				for i := 0; i < l; i += step {
					end := min(i+step, l)
					nw, err := h.Write(msg[i:end])
					if nw != end-i || err != nil {
						fmt.Println("write", nw, err)
					}
					mid = h.Sum(mid[:0])
				}
				got := h.Sum([]byte("prefix"))
				if string(got[6:]) != string(want) || string(got[:6]) != "prefix" {
					fmt.Printf("  step %d: %x\n", step, got)
				}
				if l > 0 && string(mid) != string(want) {
					fmt.Printf("  step %d mid: %x\n", step, mid)
				}
			}
			// Reset and write again: the same digest.
			whole.Reset()
			whole.Write(msg[:l])
			if string(whole.Sum(nil)) != string(want) {
				fmt.Println("  after Reset differs")
			}
		}
	}
	fmt.Printf("%x\n%x\n%x\n%x\n", md5.Sum(msg), sha1.Sum(msg), sha256.Sum256(msg), sha256.Sum224(msg))
	h := sha256.New224()
	fmt.Println(h.Size(), h.BlockSize(), md5.New().Size(), sha1.New().Size())
}
