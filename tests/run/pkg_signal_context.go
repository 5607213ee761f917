package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	fmt.Println(ctx)
	fmt.Println(ctx.Err())
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	<-ctx.Done()
	fmt.Println(ctx.Err(), context.Cause(ctx), errors.Is(context.Cause(ctx), context.Canceled))
	stop()
	fmt.Println(signal.Ignored(syscall.SIGHUP))
	signal.Ignore(syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP))
	signal.Reset(syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP))
	ctx2, stop2 := signal.NotifyContext(context.Background())
	fmt.Println(ctx2)
	stop2()
	fmt.Println(ctx2.Err(), context.Cause(ctx2))
}
