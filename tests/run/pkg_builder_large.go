package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var b strings.Builder
	b.Grow(64)
	for i := 0; i < 2000; i++ {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
	}
	s := b.String()
	fmt.Println(len(s), strings.Count(s, ","), s[:20], s[len(s)-10:])
	parts := strings.Split(strings.TrimSuffix(s, ","), ",")
	sum := 0
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			fmt.Println(err)
			return
		}
		sum += n
	}
	fmt.Println(len(parts), sum)
	table := [][]string{{"name", "qty", "price"}, {"apple", "3", "1.25"}, {"kiwi", "12", "0.5"}}
	var out strings.Builder
	for _, row := range table {
		fmt.Fprintf(&out, "|%-8s|%5s|%7s|\n", row[0], row[1], row[2])
	}
	fmt.Print(out.String())
	total := 0.0
	for _, row := range table[1:] {
		q, _ := strconv.Atoi(row[1])
		p, _ := strconv.ParseFloat(row[2], 64)
		total += float64(q) * p
	}
	fmt.Printf("total %.2f\n", total)
}
