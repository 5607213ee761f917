package main

type Mapper interface {
	Map[T any]()
}

func main() {
	var m Mapper
	_ = m
}
