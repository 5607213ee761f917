package main

type Level int

func (l Level) String() string {
	switch l {
	case 0:
		return "debug"
	case 1:
		return "info"
	}
	return "unknown"
}

func main() {
	var l Level = 1
	panic(l)
}
