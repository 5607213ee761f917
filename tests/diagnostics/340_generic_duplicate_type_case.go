package main

func f[T any](i any) int {
	switch i.(type) {
	case T, []T:
		return 1
	case []T:
		return 2
	}
	return 0
}

func main() { println(f[int](1)) }
