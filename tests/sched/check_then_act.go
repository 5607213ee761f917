// Two withdrawals check the balance, then take the money under a lock:
// the check and the act are not one step, so in a rare interleaving both
// pass the check and the account is overdrawn.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	balance = 100
)

func withdraw(amount int, wg *sync.WaitGroup) {
	defer wg.Done()
	if balance >= amount { // check
		mu.Lock()
		balance -= amount // act
		mu.Unlock()
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go withdraw(80, &wg)
	go withdraw(70, &wg)
	wg.Wait()
	if balance < 0 {
		panic(fmt.Sprintf("overdrawn: balance %d", balance))
	}
	fmt.Println("balance:", balance)
}
