package main

// Inference asks an inferred type argument for its constraint's methods
// by name even before the constraint's other type parameter (E, from an
// untyped constant) is known.
func H[E any, X interface{ M() E }](x X, e E) {}

type B int

func main() {
	H(B(0), 1)
}
