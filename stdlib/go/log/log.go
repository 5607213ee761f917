// Package log: a simple logger that writes each message on one line, with
// a date, time, file or prefix as its flags say, written in gol's Go
// subset. The standard logger writes to os.Stderr. Dates and times are
// shown in UTC, the only zone gol's time package knows.
package log

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

const (
	Ldate         = 1 << iota // the date in the local time zone: 2009/01/23
	Ltime                     // the time in the local time zone: 01:23:23
	Lmicroseconds             // microsecond resolution: 01:23:23.123123 (implies Ltime)
	Llongfile                 // full file name and line number: /a/b/c/d.go:23
	Lshortfile                // final file name element and line number: d.go:23
	LUTC                      // UTC rather than the local time zone
	Lmsgprefix                // the prefix just before the message, not at the line start
	LstdFlags     = Ldate | Ltime
)

// A Logger writes one output line per call, under a lock, so goroutines
// sharing it do not interleave their lines.
type Logger struct {
	mu     sync.Mutex
	prefix string
	flag   int
	out    io.Writer
}

func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{out: out, prefix: prefix, flag: flag}
}

var std = New(os.Stderr, "", LstdFlags)

// Default returns the standard logger of the package-level functions.
func Default() *Logger { return std }

func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.out = w
}

func (l *Logger) Writer() io.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out
}

func (l *Logger) Prefix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prefix
}

func (l *Logger) SetPrefix(prefix string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prefix = prefix
}

func (l *Logger) Flags() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.flag
}

func (l *Logger) SetFlags(flag int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flag = flag
}

// pad appends i in decimal, zero-padded to wid digits.
func pad(buf []byte, i int, wid int) []byte {
	s := strconv.Itoa(i)
	for n := len(s); n < wid; n++ {
		buf = append(buf, '0')
	}
	return append(buf, s...)
}

func (l *Logger) header(buf []byte, t time.Time, file string, line int) []byte {
	if l.flag&Lmsgprefix == 0 {
		buf = append(buf, l.prefix...)
	}
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		// LUTC changes nothing: gol's times are in UTC, the one zone it
		// knows (time's calendar methods refuse any other local zone).
		if l.flag&Ldate != 0 {
			year, month, day := t.Date()
			buf = pad(buf, year, 4)
			buf = append(buf, '/')
			buf = pad(buf, int(month), 2)
			buf = append(buf, '/')
			buf = pad(buf, day, 2)
			buf = append(buf, ' ')
		}
		if l.flag&(Ltime|Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			buf = pad(buf, hour, 2)
			buf = append(buf, ':')
			buf = pad(buf, min, 2)
			buf = append(buf, ':')
			buf = pad(buf, sec, 2)
			if l.flag&Lmicroseconds != 0 {
				buf = append(buf, '.')
				buf = pad(buf, t.Nanosecond()/1000, 6)
			}
			buf = append(buf, ' ')
		}
	}
	if l.flag&(Lshortfile|Llongfile) != 0 {
		if l.flag&Lshortfile != 0 {
			for i := len(file) - 1; i > 0; i-- {
				if file[i] == '/' {
					file = file[i+1:]
					break
				}
			}
		}
		buf = append(buf, file...)
		buf = append(buf, ':')
		buf = pad(buf, line, 1)
		buf = append(buf, ": "...)
	}
	if l.flag&Lmsgprefix != 0 {
		buf = append(buf, l.prefix...)
	}
	return buf
}

// Output writes one line: the header for the caller calldepth frames up
// (1: the caller of Output), then s, then a newline if s lacks one.
func (l *Logger) Output(calldepth int, s string) error {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	file, line := "", 0
	if l.flag&(Lshortfile|Llongfile) != 0 {
		var ok bool
		_, file, line, ok = runtime.Caller(calldepth)
		if !ok {
			file = "???"
			line = 0
		}
	}
	buf := l.header(nil, now, file, line)
	buf = append(buf, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		buf = append(buf, '\n')
	}
	_, err := l.out.Write(buf)
	return err
}

func (l *Logger) Print(v ...any)                 { l.Output(2, fmt.Sprint(v...)) }
func (l *Logger) Printf(format string, v ...any) { l.Output(2, fmt.Sprintf(format, v...)) }
func (l *Logger) Println(v ...any)               { l.Output(2, fmt.Sprintln(v...)) }

func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.Output(2, s)
	panic(s)
}

func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.Output(2, s)
	panic(s)
}

func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.Output(2, s)
	panic(s)
}

func SetOutput(w io.Writer)     { std.SetOutput(w) }
func Flags() int                { return std.Flags() }
func SetFlags(flag int)         { std.SetFlags(flag) }
func Prefix() string            { return std.Prefix() }
func SetPrefix(prefix string)   { std.SetPrefix(prefix) }
func Writer() io.Writer         { return std.Writer() }
func Output(calldepth int, s string) error {
	return std.Output(calldepth+1, s)
}

func Print(v ...any)                 { std.Output(2, fmt.Sprint(v...)) }
func Printf(format string, v ...any) { std.Output(2, fmt.Sprintf(format, v...)) }
func Println(v ...any)               { std.Output(2, fmt.Sprintln(v...)) }

func Fatal(v ...any) {
	std.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

func Fatalf(format string, v ...any) {
	std.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

func Fatalln(v ...any) {
	std.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.Output(2, s)
	panic(s)
}

func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.Output(2, s)
	panic(s)
}

func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.Output(2, s)
	panic(s)
}
