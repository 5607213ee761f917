// 33 log package
package main

import (
	"log"
	"os"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("[app] ")
	log.Println("starting")
	logger := log.New(os.Stdout, "worker: ", log.Lmsgprefix)
	logger.Printf("processed %d items", 42)
	defer func() {
		r := recover()
		log.Println("recovered:", r)
	}()
	log.Panicf("bad value %v", 7)
}
