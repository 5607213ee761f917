// Line directives (//line and /*line */) set the file and line that
// runtime.Caller, runtime.Callers and tracebacks report.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

var dir string

func where(what string) {
	_, f, l, ok := runtime.Caller(1)
	if !ok {
		fmt.Println(what, "no caller")
		return
	}
	fmt.Printf("%-26s %s:%d\n", what, strings.TrimPrefix(f, dir), l)
}

var i = 7

func main() {
	_, self, _, _ := runtime.Caller(0)
	dir = filepath.Dir(self) + "/"
	where("source")
//line :100
	where("no file, no column")
//line foo.go:10
	where("relative file")
//line sub/../bar.go:20:5
	where("cleaned, with column")
//line :30:1
	where("column keeps the file")
//line /abs/dir/x.go:40
	where("absolute file")
	/*line inline.go:50:1*/ where("inline"); /*line :60*/ where("inline, no file")
	where("next line")
//line c:/w/a:b.go:70
	where("colons in the name")
	// Not directives: an indented //line, one in a string.
	//line indented.go:80
	where("indented")
	s := "/*line str.go:90*/"
	where("string " + s)
	func() {
		defer func() {
			recover()
			pcs := make([]uintptr, 20)
			frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
			for {
				fr, more := frames.Next()
				if fr.Function == "main.main.func1" {
					fmt.Println("index panic at", strings.TrimPrefix(fr.File, dir), fr.Line)
				}
				if !more {
					break
				}
			}
		}()
		var a [3]int
		a /*line marker.go:999:1*/ [ /*line :5:1*/ i] = 1
	}()
	where("after the closure")
//line :200
	var b []int
	fmt.Println(b[i])
}
