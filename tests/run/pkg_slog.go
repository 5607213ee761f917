package main

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"os"
	"time"
)

func main() {
	opts := &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, opts))
	logger.Info("hello", "user", "ann", "count", 3, "ok", true)
	logger.Debug("debugging", "ratio", 0.5, "d", 1500*time.Millisecond)
	logger.Warn("with space", "path", "/a b", "empty", "", "q", `say "hi"`)
	logger.Error("failed", "err", errors.New("boom"), slog.Int("code", 7))
	l2 := logger.With("req", 42).WithGroup("http")
	l2.Info("request", "method", "GET", slog.Group("resp", "status", 200, "bytes", 1024))
	logger.Info("odd", "lonely")
	logger.Log(context.Background(), slog.LevelWarn+2, "custom level", "t", time.Date(2024, 1, 2, 3, 4, 5, 123456789, time.UTC))
	jl := slog.New(slog.NewJSONHandler(os.Stdout, opts))
	jl.Info("json", "a", 1, "b", []int{1, 2}, "m", map[string]int{"x": 1}, "s", "x<y")
	jl.WithGroup("g").Info("grouped", "k", "v")
	var lv slog.LevelVar
	lv.Set(slog.LevelWarn)
	ql := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: &lv, ReplaceAttr: opts.ReplaceAttr}))
	ql.Info("hidden")
	ql.Warn("shown")
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	slog.Info("default", "k", 1)
	slog.Debug("not shown")
	log.Println(slog.LevelDebug, slog.LevelInfo+1, slog.LevelError+4, slog.LevelDebug-2)
}
