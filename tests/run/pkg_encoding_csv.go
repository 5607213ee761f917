package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	in := `name,age,"quote"
"Smith, John",42,"He said ""hi"""
# a comment
"multi
line",7,x

last,1,"end"`
	r := csv.NewReader(strings.NewReader(in))
	r.Comment = '#'
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("err:", err)
			break
		}
		line, col := r.FieldPos(2)
		fmt.Printf("%q %d:%d %d\n", rec, line, col, r.InputOffset())
	}
	for _, bad := range []string{"a,b\nc\n", `a,"b`, `a,b"c"`, "x,\"y\"z\n", "a;b"} {
		r := csv.NewReader(strings.NewReader(bad))
		recs, err := r.ReadAll()
		fmt.Printf("%q %v\n", recs, err)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			fmt.Println(pe.StartLine, pe.Line, pe.Column, errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrFieldCount))
		}
	}
	r = csv.NewReader(strings.NewReader("a;  b;c\r\n1;2;3\r\n"))
	r.Comma = ';'
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	recs, err := r.ReadAll()
	fmt.Printf("%q %v\n", recs, err)
	r = csv.NewReader(strings.NewReader(`a "b" c,d`))
	r.LazyQuotes = true
	rec, err := r.Read()
	fmt.Printf("%q %v\n", rec, err)
	r = csv.NewReader(strings.NewReader("a,b"))
	r.Comma = '"'
	_, err = r.Read()
	fmt.Println(err)

	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"plain", "with,comma", `with "quote"`, " lead", "multi\nline", "", `\.`})
	w.Comma = '\t'
	w.UseCRLF = true
	w.WriteAll([][]string{{"a", "b\tc"}, {"x\r\ny", "z"}})
	fmt.Println(w.Error())
	w.Comma = '"'
	fmt.Println(w.Write([]string{"a"}))
}
