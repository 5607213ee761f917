package main

type S struct{ X int }

func F[T ~struct{ X int }]() T { return T{Y: 1} }

func main() {}
