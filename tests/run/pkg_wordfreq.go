package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness`

type entry struct {
	word  string
	count int
}

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	var entries []entry
	for _, w := range words {
		found := false
		for i := range entries {
			if entries[i].word == w {
				entries[i].count++
				found = true
				break
			}
		}
		if !found {
			entries = append(entries, entry{w, 1})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].count > entries[j].count })
	fmt.Printf("%d words, %d distinct\n", len(words), len(entries))
	for _, e := range entries[:8] {
		fmt.Printf("%-12s %3d %s\n", e.word, e.count, strings.Repeat("*", e.count))
	}
	var b strings.Builder
	for i, e := range entries {
		if i >= 5 {
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%d", e.word, e.count)
	}
	fmt.Println(b.String())
}
