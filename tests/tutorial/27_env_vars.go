// 27 env vars
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	os.Setenv("TUTORIAL_GREETING", "hello")
	fmt.Println(os.Getenv("TUTORIAL_GREETING"))
	v, ok := os.LookupEnv("TUTORIAL_MISSING")
	fmt.Printf("%q %v\n", v, ok)
	os.Unsetenv("TUTORIAL_GREETING")
	_, ok = os.LookupEnv("TUTORIAL_GREETING")
	fmt.Println(ok)
	found := false
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TUTORIAL_") {
			found = true
		}
	}
	fmt.Println(found, os.ExpandEnv("$TUTORIAL_MISSING-x"))
}
