package main

import "fmt"

type E struct{}

func main() {
	set := map[string]struct{}{}
	set["a"] = struct{}{}
	set["b"] = E{}
	_, ok := set["a"]
	_, no := set["z"]
	fmt.Println(len(set), ok, no)
	em := map[E]int{}
	em[E{}] = 1
	em[E{}] += 2
	fmt.Println(len(em), em[E{}])
	var arr [3]E
	i := 2
	arr[i] = E{}
	fmt.Println(arr[i] == E{}, len(arr))
	for k := range set {
		delete(set, k)
	}
	fmt.Println(len(set))
}
