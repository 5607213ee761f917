// Package iter: gol's version of Go's package. Seq and Seq2 are the
// shapes a range over a function takes (see the checker's rangefunc
// rewrite); Pull is not implemented.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
