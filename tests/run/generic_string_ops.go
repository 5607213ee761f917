package main

import "fmt"

type Text interface {
	~string | ~[]byte
}

func Concat[T ~string](xs ...T) T {
	var r T
	for _, x := range xs {
		r += x
	}
	return r
}

func FirstByte[T Text](t T) byte {
	if len(t) == 0 {
		return 0
	}
	return t[0]
}

func HasPrefix[T ~string](s, p T) bool {
	return len(s) >= len(p) && s[:len(p)] == p
}

func Runes[T ~string](s T) int {
	n := 0
	for range s {
		n++
	}
	return n
}

type Path string

func main() {
	fmt.Println(Concat("a", "b", "c"), Concat[Path]("/usr", "/bin"))
	fmt.Println(FirstByte("hi"), FirstByte([]byte{7}), FirstByte(""))
	fmt.Println(HasPrefix(Path("/etc/x"), "/etc"), HasPrefix("ab", "abc"))
	fmt.Println(Runes("héllo"), Runes(Path("日本")))
}
