package main

func main() {
	switch 0 {
	case 0:
		// A label needs a statement; only before a `}` may it be empty.
	L:
	case 1:
	}
}
