// 34 slog structured
package main

import (
	"log/slog"
	"os"
)

func main() {
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})
	logger := slog.New(h)
	logger.Info("server started", "port", 8080, "tls", false)
	logger.Debug("cache", "hits", 10, "ratio", 0.75)
	reqLog := logger.With("request_id", "abc-123")
	reqLog.Warn("slow request", "path", "/api/users", "ms", 1200)
	reqLog.Error("failed", slog.Group("db", "host", "db-1", "retries", 3))
	j := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	j.Info("json output", "user", "ann", "tags", []string{"a", "b"})
}
