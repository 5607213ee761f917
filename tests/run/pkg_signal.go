package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGUSR1)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			s := <-sigs
			fmt.Println("got:", s)
		}
		done <- true
	}()
	for _, s := range []syscall.Signal{syscall.SIGUSR1, syscall.SIGINT, syscall.SIGTERM} {
		syscall.Kill(syscall.Getpid(), s)
		time.Sleep(50 * time.Millisecond)
	}
	<-done
	fmt.Println(os.Interrupt, syscall.SIGTERM, syscall.Signal(99))
	signal.Stop(sigs)
	signal.Ignore(syscall.SIGUSR2)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR2)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("still alive")
}
