package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"time"
)

func main() {
	var l slog.Level
	for _, s := range []string{"warn", "INFO+2", "Error-1", "debug", "bogus", "INFO+x"} {
		err := l.UnmarshalText([]byte(s))
		fmt.Println(l, err)
	}
	b, _ := json.Marshal(slog.LevelWarn + 1)
	fmt.Println(string(b))
	fmt.Println(json.Unmarshal([]byte(`"ERROR"`), &l), l)
	t, _ := slog.LevelDebug.MarshalText()
	fmt.Println(string(t))
	var lv slog.LevelVar
	fmt.Println(lv.UnmarshalText([]byte("warn")), lv.Level(), lv.String())
	a, _ := lv.AppendText([]byte("lvl="))
	fmt.Println(string(a))
	rep := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	h1 := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: rep})
	h2 := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: rep, Level: slog.LevelWarn})
	lg := slog.New(slog.NewMultiHandler(h1, h2))
	lg.Info("hello", "n", 1)
	lg.Warn("careful", slog.GroupAttrs("g", slog.Int("a", 1), slog.String("b", "x")))
	lg.With("k", "v").Error("bad")
	slog.New(slog.DiscardHandler).Info("nothing")
	fmt.Println(slog.DiscardHandler.Enabled(nil, slog.LevelError))
	ll := slog.NewLogLogger(h1, slog.LevelWarn)
	ll.Println("from log", 42)
	ll.Printf("x=%d", 7)
	r := slog.NewRecord(time.Time{}, slog.LevelInfo, "m", 0)
	fmt.Println(r.Source() == nil)
}
