// 29 base64 hex
package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

func main() {
	data := "abc123!?$*&()'-=@~"
	sEnc := base64.StdEncoding.EncodeToString([]byte(data))
	fmt.Println(sEnc)
	sDec, _ := base64.StdEncoding.DecodeString(sEnc)
	fmt.Println(string(sDec))
	uEnc := base64.URLEncoding.EncodeToString([]byte(data))
	fmt.Println(uEnc)
	fmt.Println(hex.EncodeToString([]byte("Go!")))
	b, err := hex.DecodeString("476f21")
	fmt.Println(string(b), err)
	fmt.Print(hex.Dump([]byte("hexadecimal dump!")))
}
