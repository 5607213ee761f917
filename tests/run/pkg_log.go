// Package log: flags, prefixes, file and line, custom loggers and Fatal's
// exit status (the date and time are left out: they change).
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Print("plain", 1, 2)
	log.Printf("formatted %d", 3)
	log.Println("line", 4)
	log.SetPrefix("app: ")
	log.Print("with prefix")
	log.SetFlags(log.Lmsgprefix)
	log.Print("prefix before the message")
	log.SetFlags(log.Lshortfile)
	log.Print("short file")
	fmt.Println(log.Flags(), log.Prefix())
	var buf bytes.Buffer
	l := log.New(&buf, "[x] ", log.Lshortfile|log.Lmsgprefix)
	l.Println("into a buffer")
	l.Output(1, "depth one\n")
	fmt.Print(buf.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicf("bad %s", "thing")
	}()
	ts := log.New(&buf, "", log.LstdFlags|log.Lmicroseconds|log.LUTC)
	buf.Reset()
	ts.Print("t")
	fmt.Println(len(buf.String()))
	log.SetFlags(0)
	log.SetOutput(os.Stderr)
	log.Fatalln("fatal", "end")
}
