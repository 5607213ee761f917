// Package time: gol's time package. Functions without bodies are natives
// (stdlib/src/natives/time.rs); everything else is compiled Go.
//
// Declared and implemented: the clock (Now, Since, Until, Unix, UnixMilli,
// UnixMicro), Time's arithmetic and comparisons (Add, Sub, Before, After,
// Equal, Compare, IsZero, Unix, UnixMilli, UnixMicro, UnixNano), Duration
// (String exactly as Go prints it, the unit conversions, Round, Truncate,
// Abs, ParseDuration), Month and Weekday, Sleep, and the timers: After,
// Tick, NewTimer, NewTicker, AfterFunc with Stop and Reset.
//
// Time's calendar fields, String, Format and Parse work in any location:
// UTC, Local (from TZ or /etc/localtime), FixedZone and zones loaded from
// the system's zone files (zoneinfo.go); layouts in format.go.
//
// # Time
// A Time is three pointer-free words: seconds since January 1, year 1,
// 00:00:00 UTC (so the zero Time is Go's zero Time), nanoseconds within
// that second with the index of its location above bit 30, and a
// monotonic clock reading (nanoseconds since the process started, plus
// one; 0 means "no reading", as for times made by Unix). As in
// Go, Now carries a monotonic reading and Sub, Since, Until, Before, After,
// Equal and Compare use it when both operands have one, so measured
// intervals never go backwards when the wall clock is set.
//
// # Timers (Go 1.23 semantics)
// A Timer or Ticker holds an id; the timer's state (armed or not, its
// period, a sequence number, the scheduler timer that fires it) lives in a
// table in the VM's time natives, keyed by that id. Firing is the
// scheduler's per-P timer heap calling back on an M: a channel timer makes a
// non-blocking send of the time it was due on C, whose buffer holds one
// value; a Ticker whose reader is slow therefore drops ticks. AfterFunc's
// timer starts f in its own goroutine.
//
// Stop and Reset take the timer's lock, which the firing callback holds
// across its send, bump the sequence number (a callback armed before that
// sends nothing), and drain C: so no value sent before Stop or Reset returns
// can be received after, and Stop reports true when the value had not been
// received yet, as Go 1.23 does. The difference from Go: C is a channel
// with a one-value buffer, so cap(C) is 1 and len(C) is 1 while a value
// waits, where Go 1.23 reports 0 for both. A Timer's or Ticker's table
// entry and an unstopped Ticker live as long as the program (Go collects
// unreferenced timers); After and Tick make no table entry. And every armed
// timer counts as pending work for deadlock detection: a program whose
// goroutines all block while a Ticker runs waits forever, and one with an
// unreceived After(d) pending reports the deadlock only after d, where Go
// 1.23 (which keeps a channel timer in its heap only while a goroutine is
// blocked on the channel) reports it at once.
//
// Rejected: an unbuffered C with a goroutine per fired timer that blocks
// sending (it would show in NumGoroutine and deadlock dumps), and state in
// the gol heap (the callback cannot hold a lock the collector knows about).
package time

import "errors"

const (
	Layout               = "01/02 03:04:05PM '06 -0700"
	ANSIC                = "Mon Jan _2 15:04:05 2006"
	UnixDate             = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate             = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822               = "02 Jan 06 15:04 MST"
	RFC822Z              = "02 Jan 06 15:04 -0700"
	RFC850               = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123              = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z             = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339              = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano          = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen              = "3:04PM"
	Stamp                = "Jan _2 15:04:05"
	StampMilli           = "Jan _2 15:04:05.000"
	StampMicro           = "Jan _2 15:04:05.000000"
	StampNano            = "Jan _2 15:04:05.000000000"
	DateTime             = "2006-01-02 15:04:05"
	DateOnly             = "2006-01-02"
	TimeOnly             = "15:04:05"
	January     Month    = 1
	February    Month    = 2
	March       Month    = 3
	April       Month    = 4
	May         Month    = 5
	June        Month    = 6
	July        Month    = 7
	August      Month    = 8
	September   Month    = 9
	October     Month    = 10
	November    Month    = 11
	December    Month    = 12
	Sunday      Weekday  = 0
	Monday      Weekday  = 1
	Tuesday     Weekday  = 2
	Wednesday   Weekday  = 3
	Thursday    Weekday  = 4
	Friday      Weekday  = 5
	Saturday    Weekday  = 6
	Nanosecond  Duration = 1
	Microsecond Duration = 1000 * Nanosecond
	Millisecond Duration = 1000 * Microsecond
	Second      Duration = 1000 * Millisecond
	Minute      Duration = 60 * Second
	Hour        Duration = 60 * Minute
)

// Sleep pauses the current goroutine for at least d.
func Sleep(d Duration)

// now reads the wall clock (seconds since year 1, nanoseconds) and the
// monotonic clock (nanoseconds since the process started, plus one).
func now() (sec int64, nsec int64, mono int64)

// newTimer arms a timer firing after d nanoseconds (then every period, if
// positive): on fire it sends the time on c, or starts f in a goroutine.
// It returns the timer's id, or 0 without keep (a timer nobody can stop
// or reset, such as After's, needs no entry in the natives' table).
func newTimer(c chan Time, f func(), d int64, period int64, keep bool) int64

// stopTimer disarms timer id and drains its channel; true if it was armed
// or its value had not been received.
func stopTimer(id int64) bool

// resetTimer is stopTimer, then arms the timer again (f is AfterFunc's
// function, nil for channel timers).
func resetTimer(id int64, f func(), d int64, period int64) bool

type Month int

var monthNames = []string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + utoa(uint64(m)) + ")"
}

type Weekday int

var dayNames = []string{
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
}

func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + utoa(uint64(d)) + ")"
}

// utoa is v in decimal (Go prints out-of-range months and weekdays as
// unsigned numbers).
func utoa(v uint64) string {
	buf := make([]byte, 20)
	w := fmtInt(buf, v)
	return string(buf[w:])
}

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// String returns d as "72h3m0.5s": leading zero units omitted, fractions
// without trailing zeros, and durations under a second in ms, µs or ns.
func (d Duration) String() string {
	buf := make([]byte, 32)
	w := len(buf)
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	if u < uint64(Second) {
		if u == 0 {
			return "0s"
		}
		w--
		buf[w] = 's'
		prec := 0
		switch {
		case u < uint64(Microsecond):
			w--
			buf[w] = 'n'
		case u < uint64(Millisecond):
			prec = 3
			// U+00B5 'µ' MICRO SIGN, 0xC2 0xB5 in UTF-8, as Go prints it.
			w -= 2
			buf[w] = 0xC2
			buf[w+1] = 0xB5
		default:
			prec = 6
			w--
			buf[w] = 'm'
		}
		w, u = fmtFrac(buf[:w], u, prec)
		w = fmtInt(buf[:w], u)
	} else {
		w--
		buf[w] = 's'
		w, u = fmtFrac(buf[:w], u, 9)
		w = fmtInt(buf[:w], u%60)
		u /= 60
		if u > 0 {
			w--
			buf[w] = 'm'
			w = fmtInt(buf[:w], u%60)
			u /= 60
			if u > 0 {
				w--
				buf[w] = 'h'
				w = fmtInt(buf[:w], u)
			}
		}
	}
	if neg {
		w--
		buf[w] = '-'
	}
	return string(buf[w:])
}

// fmtFrac writes the last prec digits of v as a fraction ending at the end
// of buf, without trailing zeros (and without the point if all are zero);
// it returns where the text starts and v without those digits.
func fmtFrac(buf []byte, v uint64, prec int) (int, uint64) {
	w := len(buf)
	print := false
	for i := 0; i < prec; i++ {
		digit := v % 10
		print = print || digit != 0
		if print {
			w--
			buf[w] = byte(digit) + '0'
		}
		v /= 10
	}
	if print {
		w--
		buf[w] = '.'
	}
	return w, v
}

// fmtInt writes v in decimal ending at the end of buf; it returns where
// the text starts.
func fmtInt(buf []byte, v uint64) int {
	w := len(buf)
	if v == 0 {
		w--
		buf[w] = '0'
		return w
	}
	for v > 0 {
		w--
		buf[w] = byte(v%10) + '0'
		v /= 10
	}
	return w
}

func (d Duration) Nanoseconds() int64 { return int64(d) }

func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate rounds d toward zero to a multiple of m (d itself if m <= 0).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round rounds d to the nearest multiple of m, halfway values away from
// zero; on overflow the largest (or smallest) Duration.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// lessThanHalf reports x+x < y without overflow (x, y >= 0).
func lessThanHalf(x, y Duration) bool {
	return uint64(x)+uint64(x) < uint64(y)
}

// Abs is |d|, with the smallest Duration mapped to the largest.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

var unitMap = map[string]uint64{
	"ns": uint64(Nanosecond),
	"us": uint64(Microsecond),
	"µs": uint64(Microsecond), // U+00B5 micro sign
	"μs": uint64(Microsecond), // U+03BC Greek small letter mu
	"ms": uint64(Millisecond),
	"s":  uint64(Second),
	"m":  uint64(Minute),
	"h":  uint64(Hour),
}

// quote is Go's time.quote: s in double quotes, bytes outside printable
// ASCII as \xHH, quotes and backslashes escaped.
func quote(s string) string {
	const hex = "0123456789abcdef"
	buf := make([]byte, 0, len(s)+2)
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < ' ' {
			buf = append(buf, '\\', 'x', hex[c>>4], hex[c&0xF])
			continue
		}
		if c == '"' || c == '\\' {
			buf = append(buf, '\\')
		}
		buf = append(buf, c)
	}
	buf = append(buf, '"')
	return string(buf)
}

// ParseDuration parses "300ms", "-1.5h" or "2h45m": a signed sequence of
// decimal numbers with optional fractions, each followed by a unit (ns,
// us or µs, ms, s, m, h).
func ParseDuration(s string) (Duration, error) {
	orig := s
	var d uint64
	neg := false
	if s != "" {
		c := s[0]
		if c == '-' || c == '+' {
			neg = c == '-'
			s = s[1:]
		}
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	for s != "" {
		var v, f uint64
		scale := 1.0
		var ok bool
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pl := len(s)
		v, s, ok = leadingInt(s)
		if !ok {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			f, scale, s = leadingFraction(s)
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := s[:i]
		s = s[i:]
		unit, ok := unitMap[u]
		if !ok {
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		if v > 1<<63/unit {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, errors.New("time: invalid duration " + quote(orig))
			}
		}
		d += v
		if d > 1<<63 {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	return Duration(d), nil
}

// leadingInt consumes the leading [0-9]* of s; ok is false on overflow.
func leadingInt(s string) (uint64, string, bool) {
	i := 0
	var x uint64
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if x > 1<<63/10 {
			return 0, "", false
		}
		x = x*10 + uint64(c) - '0'
		if x > 1<<63 {
			return 0, "", false
		}
	}
	return x, s[i:], true
}

// leadingFraction consumes the leading [0-9]* of s as a fraction: its
// digits (as many as fit) and the power of ten they are scaled by.
func leadingFraction(s string) (uint64, float64, string) {
	i := 0
	var x uint64
	scale := 1.0
	overflow := false
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if overflow {
			continue
		}
		if x > 1<<63/10 {
			overflow = true
			continue
		}
		y := x*10 + uint64(c) - '0'
		if y > 1<<63 {
			overflow = true
			continue
		}
		x = y
		scale *= 10
	}
	return x, scale, s[i:]
}

// A Time is an instant with nanosecond precision (see the package doc for
// its three words). The nsec word also carries the Time's location, as
// Go's wall word does: nanoseconds in its low 30 bits, the location's
// index in the registry of locations (zoneinfo.go) above them; index 0 is
// UTC, so the zero Time is in UTC as in Go, and == compares locations as
// Go's == on Time does.
type Time struct {
	sec  int64
	nsec int64
	mono int64
}

const (
	nsecMask  = 1<<30 - 1
	locShift  = 30
	localBits = 1 << locShift // index 1: Local
)

// unixToInternal is the Unix epoch in seconds since January 1, year 1.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

// ns is t's nanoseconds within its second.
func (t Time) ns() int64 { return t.nsec & nsecMask }

// Now returns the current local time, with a monotonic clock reading.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec: sec, nsec: nsec&nsecMask | localBits, mono: mono}
}

// Since is Now().Sub(t).
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until is t.Sub(Now()).
func Until(t Time) Duration {
	return t.Sub(Now())
}

// Unix is the local time sec seconds and nsec nanoseconds after January 1,
// 1970 UTC (nsec may be outside [0, 999999999]).
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: nsec | localBits}
}

func UnixMilli(msec int64) Time {
	return Unix(msec/1e3, (msec%1e3)*1e6)
}

func UnixMicro(usec int64) Time {
	return Unix(usec/1e6, (usec%1e6)*1e3)
}

func (t Time) IsZero() bool {
	return t.sec == 0 && t.ns() == 0
}

// Compare is -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	var tc, uc int64
	if t.mono != 0 && u.mono != 0 {
		tc, uc = t.mono, u.mono
	} else {
		tc, uc = t.sec, u.sec
		if tc == uc {
			tc, uc = t.ns(), u.ns()
		}
	}
	switch {
	case tc < uc:
		return -1
	case tc > uc:
		return +1
	}
	return 0
}

func (t Time) After(u Time) bool { return t.Compare(u) > 0 }

func (t Time) Before(u Time) bool { return t.Compare(u) < 0 }

func (t Time) Equal(u Time) bool { return t.Compare(u) == 0 }

// Add is t+d; a monotonic reading moves with it (and is dropped if it
// would leave its range).
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.ns() + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = t.nsec&^nsecMask | nsec
	if t.mono != 0 {
		m := t.mono + int64(d)
		if d < 0 && m > t.mono || d > 0 && m < t.mono || m <= 0 {
			m = 0
		}
		t.mono = m
	}
	return t
}

// Sub is t-u, saturating at the largest or smallest Duration; it uses the
// monotonic readings when both times have one.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		d := Duration(t.mono - u.mono)
		if d < 0 && t.mono > u.mono {
			return maxDuration
		}
		if d > 0 && t.mono < u.mono {
			return minDuration
		}
		return d
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.ns()-u.ns())
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

// AddDate adds years, months and days, normalising as Date does.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.ns()), t.Location())
}

// abs is t's seconds since January 1, year 1, in its own zone (wall
// clock), with the zone's name and offset.
func (t Time) locabs() (name string, offset int, abs int64) {
	l := t.loc()
	if l == &utcLoc {
		return "UTC", 0, t.sec
	}
	name, offset, _, _, _ = l.lookup(t.sec - unixToInternal)
	return name, offset, t.sec + int64(offset)
}

// civil is the date and time of day of abs (seconds since January 1, year
// 1): year, month 1-12, day 1-31, seconds within the day, days since
// 1970-01-01.
func civil(abs int64) (year int64, month int64, day int64, secs int64, days int64) {
	unix := abs - unixToInternal
	days = unix / 86400
	secs = unix % 86400
	if secs < 0 {
		secs += 86400
		days--
	}
	// Days to a proleptic Gregorian date, counting from March 1 of year 0
	// so that the leap day ends the year; eras are 400-year cycles.
	z := days + 719468
	era := z
	if z < 0 {
		era = z - 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	year = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		month = mp + 3
	} else {
		month = mp - 9
	}
	if month <= 2 {
		year++
	}
	return
}

// daysSinceUnix is the days from 1970-01-01 to year-month-day (day may
// be outside the month: the count is linear in it).
func daysSinceUnix(year int64, month int64, day int64) int64 {
	if month <= 2 {
		year--
	}
	era := year
	if year < 0 {
		era = year - 399
	}
	era /= 400
	yoe := year - era*400
	mp := month - 3
	if month <= 2 {
		mp = month + 9
	}
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Date is t's year, month and day in its location.
func (t Time) Date() (year int, month Month, day int) {
	_, _, abs := t.locabs()
	y, m, d, _, _ := civil(abs)
	return int(y), Month(m), int(d)
}

func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// Clock is t's hour, minute and second in its location.
func (t Time) Clock() (hour int, min int, sec int) {
	_, _, abs := t.locabs()
	_, _, _, s, _ := civil(abs)
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

func (t Time) Nanosecond() int { return int(t.ns()) }

func (t Time) Weekday() Weekday {
	_, _, abs := t.locabs()
	return absWeekday(abs)
}

func absWeekday(abs int64) Weekday {
	_, _, _, _, days := civil(abs)
	// 1970-01-01 was a Thursday.
	w := (days + 4) % 7
	if w < 0 {
		w += 7
	}
	return Weekday(w)
}

// YearDay is the day of the year, 1 to 366.
func (t Time) YearDay() int {
	_, _, abs := t.locabs()
	y, _, _, _, days := civil(abs)
	return int(days-daysSinceUnix(y, 1, 1)) + 1
}

// ISOWeek is the ISO 8601 year and week number of t (weeks start on
// Monday; week 1 holds the year's first Thursday).
func (t Time) ISOWeek() (year int, week int) {
	_, _, abs := t.locabs()
	d := Thursday - absWeekday(abs)
	if d == 4 {
		d = -3
	}
	abs += int64(d) * 86400
	y, _, _, _, days := civil(abs)
	yday := int(days - daysSinceUnix(y, 1, 1))
	return int(y), yday/7 + 1
}

// String is t formatted as "2006-01-02 15:04:05.999999999 -0700 MST",
// then " m=+0.000000001" for a monotonic reading, as Go prints it.
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.mono != 0 {
		// The reading in seconds since the process started, as Go's m=.
		m := uint64(t.mono - 1)
		buf := make([]byte, 0, 24)
		buf = append(buf, " m=+"...)
		buf = appendPadded(buf, m/1e9, 1)
		buf = append(buf, '.')
		buf = appendPadded(buf, m%1e9, 9)
		s += string(buf)
	}
	return s
}

// GoString is t as Go source (time.Date(...)).
func (t Time) GoString() string {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	buf := make([]byte, 0, 70)
	buf = append(buf, "time.Date("...)
	buf = appendInt(buf, year, 0)
	if January <= month && month <= December {
		buf = append(buf, ", time."...)
		buf = append(buf, month.String()...)
	} else {
		buf = append(buf, ", "...)
		buf = appendInt(buf, int(month), 0)
	}
	buf = append(buf, ", "...)
	buf = appendInt(buf, day, 0)
	buf = append(buf, ", "...)
	buf = appendInt(buf, hour, 0)
	buf = append(buf, ", "...)
	buf = appendInt(buf, min, 0)
	buf = append(buf, ", "...)
	buf = appendInt(buf, sec, 0)
	buf = append(buf, ", "...)
	buf = appendInt(buf, int(t.ns()), 0)
	buf = append(buf, ", "...)
	switch loc := t.Location(); loc {
	case UTC:
		buf = append(buf, "time.UTC"...)
	case Local:
		buf = append(buf, "time.Local"...)
	default:
		buf = append(buf, `time.Location(`...)
		buf = append(buf, quote(loc.name)...)
		buf = append(buf, ')')
	}
	buf = append(buf, ')')
	return string(buf)
}

// appendPadded appends v in decimal, zero-padded to width digits.
func appendPadded(b []byte, v uint64, width int) []byte {
	tmp := make([]byte, 20)
	w := fmtInt(tmp, v)
	for i := len(tmp) - w; i < width; i++ {
		b = append(b, '0')
	}
	return append(b, tmp[w:]...)
}

// mod is (t's nanoseconds since the zero Time) modulo d, in [0, d), for
// d > 0 (128-bit arithmetic: the count does not fit in 64 bits).
func mod(sec int64, nsec int64, d int64) int64

// Truncate rounds t down to a multiple of d since the zero Time (t itself
// if d <= 0), dropping the monotonic reading.
func (t Time) Truncate(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	return t.Add(-Duration(mod(t.sec, t.ns(), int64(d))))
}

// Round rounds t to the nearest multiple of d since the zero Time,
// halfway values up (t itself if d <= 0), dropping the monotonic reading.
func (t Time) Round(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	r := Duration(mod(t.sec, t.ns(), int64(d)))
	if lessThanHalf(r, d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

func (t Time) Unix() int64 { return t.sec - unixToInternal }

func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1e3 + t.ns()/1e6 }

func (t Time) UnixMicro() int64 { return (t.sec-unixToInternal)*1e6 + t.ns()/1e3 }

func (t Time) UnixNano() int64 { return (t.sec-unixToInternal)*1e9 + t.ns() }

// Date is the Time of the given wall clock in loc, normalising values out
// of range (October 32 is November 1); in a zone's transition the offset
// before it is used, as Go does.
func Date(year int, month Month, day int, hour int, min int, sec int, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year, m = norm(year, m, 12)
	month = Month(m) + 1
	sec, nsec = norm(sec, nsec, 1e9)
	min, sec = norm(min, sec, 60)
	hour, min = norm(hour, min, 60)
	day, hour = norm(day, hour, 24)
	days := daysSinceUnix(int64(year), int64(month), int64(day))
	unix := days*86400 + int64(hour*3600+min*60+sec)
	if loc != &utcLoc {
		_, offset, start, end, _ := loc.lookup(unix)
		if offset != 0 {
			utc := unix - int64(offset)
			if utc < start || utc >= end {
				_, offset, _, _, _ = loc.lookup(utc)
			}
			unix -= int64(offset)
		}
	}
	t := Time{sec: unix + unixToInternal, nsec: int64(nsec)}
	t.setLoc(loc)
	return t
}

// norm moves whole bases of lo into hi, leaving lo in [0, base).
func norm(hi int, lo int, base int) (int, int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}

// A Timer sends the time on C once, after its duration (or, made by
// AfterFunc, calls its function in a goroutine).
type Timer struct {
	C  <-chan Time
	f  func() // AfterFunc's function, re-armed by Reset
	id int64  // the natives' timer id; 0 for a Timer not made by NewTimer or AfterFunc
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	return &Timer{C: c, id: newTimer(c, nil, int64(d), 0, true)}
}

// Stop prevents the timer from firing; true if it had not fired yet (or
// its value had not been received).
func (t *Timer) Stop() bool {
	if t.id == 0 {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.id)
}

// Reset re-arms the timer to fire after d; true if it was still pending.
func (t *Timer) Reset(d Duration) bool {
	if t.id == 0 {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.id, t.f, int64(d), 0)
}

// After is NewTimer(d).C.
func After(d Duration) <-chan Time {
	c := make(chan Time, 1)
	newTimer(c, nil, int64(d), 0, false)
	return c
}

// AfterFunc calls f in its own goroutine after d; the Timer's Stop
// cancels the call if it has not started.
func AfterFunc(d Duration, f func()) *Timer {
	if f == nil {
		// Go dies with "fatal error: go of nil func value" when the timer
		// fires; gol has no fatal error for Go code to raise, so the
		// timer's goroutine dies calling nil instead (exit status 2 too).
		f = func() {
			var nilFunc func()
			nilFunc()
		}
	}
	t := &Timer{f: f}
	t.id = newTimer(nil, f, int64(d), 0, true)
	return t
}

// A Ticker sends the time on C every period; ticks the reader is not ready
// for are dropped.
type Ticker struct {
	C  <-chan Time
	id int64
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	return &Ticker{C: c, id: newTimer(c, nil, int64(d), int64(d), true)}
}

func (t *Ticker) Stop() {
	if t.id == 0 {
		// Go does not panic here, for compatibility.
		return
	}
	stopTimer(t.id)
}

func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.id == 0 {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.id, nil, int64(d), int64(d))
}

// Tick is NewTicker(d).C, or nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	c := make(chan Time, 1)
	newTimer(c, nil, int64(d), int64(d), false)
	return c
}
