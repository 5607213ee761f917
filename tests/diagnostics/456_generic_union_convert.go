package main

type Scalar interface {
	~int | ~string
}

func ToInt[T Scalar](x T) int {
	return int(x)
}

func main() {}
