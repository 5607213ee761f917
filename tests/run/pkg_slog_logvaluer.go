package main

import (
	"log/slog"
	"os"
	"fmt"
)

type secret string

func (secret) LogValue() slog.Value { return slog.StringValue("***") }

type user struct {
	Name string
	Pass secret
}

func (u user) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", u.Name), slog.Any("pass", u.Pass))
}

type loop struct{}

func (l loop) LogValue() slog.Value { return slog.AnyValue(l) }

type chain int

func (c chain) LogValue() slog.Value {
	if c == 0 {
		return slog.IntValue(0)
	}
	return slog.AnyValue(c - 1)
}

func main() {
	v := slog.AnyValue(secret("pw"))
	fmt.Println(v.Kind(), v.LogValuer().LogValue(), v.Resolve(), v.Resolve().Kind())
	fmt.Println(slog.AnyValue(chain(5)).Resolve(), slog.IntValue(3).Kind())
	fmt.Println(slog.AnyValue(loop{}).Resolve())
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	slog.New(h).Info("login", "user", user{"ann", "pw"}, "tok", secret("t"), "n", chain(2))
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	slog.IntValue(1).LogValuer()
}
