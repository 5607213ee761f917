package main

func Name[T interface{ Name() string }](x T) string {
	return x.name()
}

func main() {}
