// Locations: UTC, Local, fixed zones and zones read from the system's
// TZif files (/usr/share/zoneinfo), with the POSIX TZ rule of a file's
// footer for instants after its last transition, as Go's time package
// reads them.
//
// A Time names its Location by an index into a registry (a Time is three
// pointer-free words, which the scheduler's timers build without the
// collector's help): 0 is UTC, 1 is Local, and every FixedZone and
// LoadLocation adds one. The registry only grows; it is guarded by a spin
// lock on an atomic word (sync imports time, so time cannot use sync).
package time

import (
	"errors"
	"sync/atomic"
)

// A Location maps instants to the zone (name and offset) in use there.
type Location struct {
	name   string
	zone   []zone
	tx     []zoneTrans
	extend string // the TZ rule for instants after the last transition
	idx    int64  // index in the registry
}

type zone struct {
	name   string
	offset int
	isDST  bool
}

type zoneTrans struct {
	when  int64 // Unix seconds
	index uint8
}

const (
	alpha = -1 << 63
	omega = 1<<63 - 1
)

var utcLoc = Location{name: "UTC"}

var localLoc = initLocal()

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

// Local is the system's local zone: TZ if set (a zone name or a file
// path; empty or "UTC" means UTC), else /etc/localtime.
var Local *Location = &localLoc

var (
	registry     = []*Location{&utcLoc, &localLoc}
	registryLock int32
)

// register gives l its index in the registry.
func register(l *Location) *Location {
	for !atomic.CompareAndSwapInt32(&registryLock, 0, 1) {
	}
	l.idx = int64(len(registry))
	registry = append(registry, l)
	atomic.StoreInt32(&registryLock, 0)
	return l
}

func (t Time) loc() *Location {
	i := t.nsec >> locShift
	switch i {
	case 0:
		return &utcLoc
	case 1:
		return &localLoc
	}
	for !atomic.CompareAndSwapInt32(&registryLock, 0, 1) {
	}
	l := registry[i]
	atomic.StoreInt32(&registryLock, 0)
	return l
}

func (t *Time) setLoc(l *Location) {
	idx := l.idx
	if l == &utcLoc {
		idx = 0
	} else if l == &localLoc {
		idx = 1
	}
	t.nsec = t.nsec&nsecMask | idx<<locShift
}

// Location is t's location (UTC for the zero Time).
func (t Time) Location() *Location {
	return t.loc()
}

// In is t in loc, the same instant.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

func (t Time) UTC() Time {
	t.setLoc(&utcLoc)
	return t
}

func (t Time) Local() Time {
	t.setLoc(Local)
	return t
}

// Zone is the name and offset (seconds east of UTC) of the zone in use at t.
func (t Time) Zone() (name string, offset int) {
	name, offset, _ = t.locabs()
	return
}

// IsDST reports whether t is in daylight saving time in its location.
func (t Time) IsDST() bool {
	_, _, _, _, isDST := t.loc().lookup(t.Unix())
	return isDST
}

func (l *Location) String() string {
	if l == nil {
		return "UTC"
	}
	return l.name
}

// FixedZone is a location that always has this name and offset.
func FixedZone(name string, offset int) *Location {
	l := &Location{
		name: name,
		zone: []zone{{name, offset, false}},
		tx:   []zoneTrans{{alpha, 0}},
	}
	return register(l)
}

// lookup is the zone in use at Unix second sec, with the instants where
// its use starts and ends.
func (l *Location) lookup(sec int64) (name string, offset int, start int64, end int64, isDST bool) {
	if l == nil {
		l = &utcLoc
	}
	if len(l.zone) == 0 {
		return "UTC", 0, alpha, omega, false
	}
	if len(l.tx) == 0 || sec < l.tx[0].when {
		z := &l.zone[l.lookupFirstZone()]
		end = omega
		if len(l.tx) > 0 {
			end = l.tx[0].when
		}
		return z.name, z.offset, alpha, end, z.isDST
	}
	tx := l.tx
	end = omega
	lo := 0
	hi := len(tx)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		lim := tx[m].when
		if sec < lim {
			end = lim
			hi = m
		} else {
			lo = m
		}
	}
	z := &l.zone[tx[lo].index]
	name, offset, start, isDST = z.name, z.offset, tx[lo].when, z.isDST
	if lo == len(tx)-1 && l.extend != "" {
		if n, o, s, e, d, ok := tzset(l.extend, start, sec); ok {
			return n, o, s, e, d
		}
	}
	return
}

// lookupFirstZone is the zone of instants before the first transition
// (Go's rule: the first standard-time zone, unless zone 0 is unused).
func (l *Location) lookupFirstZone() int {
	used := false
	for _, t := range l.tx {
		if t.index == 0 {
			used = true
			break
		}
	}
	if !used {
		return 0
	}
	if len(l.tx) > 0 && l.zone[l.tx[0].index].isDST {
		for zi := int(l.tx[0].index) - 1; zi >= 0; zi-- {
			if !l.zone[zi].isDST {
				return zi
			}
		}
	}
	for zi := range l.zone {
		if !l.zone[zi].isDST {
			return zi
		}
	}
	return 0
}

// lookupName is the offset of the zone called name, preferring one in
// use at unix.
func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	for i := range l.zone {
		z := &l.zone[i]
		if z.name == name {
			nam, off, _, _, _ := l.lookup(unix - int64(z.offset))
			if nam == z.name {
				return off, true
			}
		}
	}
	for i := range l.zone {
		z := &l.zone[i]
		if z.name == name {
			return z.offset, true
		}
	}
	return 0, false
}

// getenvTZ is the TZ environment variable and whether it is set.
func getenvTZ() (string, bool)

// readZoneFile is the contents of the file at path, if it can be read.
func readZoneFile(path string) ([]byte, bool)

var zoneSources = []string{
	"/usr/share/zoneinfo/",
	"/usr/share/lib/zoneinfo/",
	"/usr/lib/locale/TZ/",
	"/etc/zoneinfo/",
}

func initLocal() Location {
	tz, ok := getenvTZ()
	switch {
	case !ok:
		if z, ok := loadFrom("/etc/localtime", "Local"); ok {
			z.idx = 1
			return *z
		}
	case tz != "":
		if tz[0] == ':' {
			tz = tz[1:]
		}
		if tz != "" && tz[0] == '/' {
			name := tz
			if tz == "/etc/localtime" {
				name = "Local"
			}
			if z, ok := loadFrom(tz, name); ok {
				z.idx = 1
				return *z
			}
		} else if tz != "" && tz != "UTC" {
			for _, dir := range zoneSources {
				if z, ok := loadFrom(dir+tz, tz); ok {
					z.idx = 1
					return *z
				}
			}
		}
	}
	return Location{name: "UTC", idx: 1}
}

// LoadLocation is the location of that name: "" or "UTC" is UTC, "Local"
// is Local, others are read from the system's zone files.
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errors.New("time: invalid location name")
	}
	for _, dir := range zoneSources {
		if z, ok := loadFrom(dir+name, name); ok {
			return register(z), nil
		}
	}
	return nil, errors.New("unknown time zone " + name)
}

func containsDotDot(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

// LoadLocationFromTZData is the location described by TZif data.
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	l, ok := parseTZif(name, data)
	if !ok {
		return nil, errors.New("malformed time zone information")
	}
	return register(l), nil
}

func loadFrom(path string, name string) (*Location, bool) {
	data, ok := readZoneFile(path)
	if !ok {
		return nil, false
	}
	return parseTZif(name, data)
}

// tzReader reads TZif's big-endian fields.
type tzReader struct {
	b   []byte
	bad bool
}

func (r *tzReader) read(n int) []byte {
	if n < 0 || len(r.b) < n {
		r.bad = true
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *tzReader) big4() int64 {
	p := r.read(4)
	if p == nil {
		return 0
	}
	return int64(int32(uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])))
}

func (r *tzReader) big8() int64 {
	hi := r.big4()
	lo := r.big4()
	return hi<<32 | lo&0xffffffff
}

// parseTZif reads a TZif file (version 1, or the 64-bit data and the TZ
// rule footer of versions 2 and later).
func parseTZif(name string, data []byte) (*Location, bool) {
	r := &tzReader{b: data}
	if string(r.read(4)) != "TZif" {
		return nil, false
	}
	p := r.read(16)
	if p == nil {
		return nil, false
	}
	version := p[0]
	var n [6]int
	for i := range n {
		n[i] = int(r.big4())
	}
	// isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
	is64 := false
	if version >= '2' {
		// Skip the 32-bit block and read the 64-bit one.
		r.read(n[3]*4 + n[3] + n[4]*6 + n[5] + n[2]*8 + n[1] + n[0])
		if string(r.read(4)) != "TZif" {
			return nil, false
		}
		r.read(16)
		for i := range n {
			n[i] = int(r.big4())
		}
		is64 = true
	}
	if r.bad {
		return nil, false
	}
	txtimes := make([]int64, n[3])
	for i := range txtimes {
		if is64 {
			txtimes[i] = r.big8()
		} else {
			txtimes[i] = r.big4()
		}
	}
	txzones := r.read(n[3])
	zonedata := r.read(n[4] * 6)
	abbrev := r.read(n[5])
	if is64 {
		r.read(n[2] * 12)
	} else {
		r.read(n[2] * 8)
	}
	r.read(n[1])
	r.read(n[0])
	if r.bad || n[4] == 0 {
		return nil, false
	}
	extend := ""
	if is64 && len(r.b) > 2 && r.b[0] == '\n' {
		rest := r.b[1:]
		for i := 0; i < len(rest); i++ {
			if rest[i] == '\n' {
				extend = string(rest[:i])
				break
			}
		}
	}
	zones := make([]zone, n[4])
	for i := range zones {
		zd := zonedata[i*6 : i*6+6]
		off := int(int32(uint32(zd[0])<<24 | uint32(zd[1])<<16 | uint32(zd[2])<<8 | uint32(zd[3])))
		ai := int(zd[5])
		if ai >= len(abbrev) {
			return nil, false
		}
		end := ai
		for end < len(abbrev) && abbrev[end] != 0 {
			end++
		}
		zones[i] = zone{name: string(abbrev[ai:end]), offset: off, isDST: zd[4] != 0}
	}
	tx := make([]zoneTrans, n[3])
	for i := range tx {
		if int(txzones[i]) >= len(zones) {
			return nil, false
		}
		tx[i] = zoneTrans{when: txtimes[i], index: txzones[i]}
	}
	if len(tx) == 0 {
		tx = append(tx, zoneTrans{when: alpha, index: 0})
	}
	return &Location{name: name, zone: zones, tx: tx, extend: extend}, true
}

// tzset is the zone a POSIX TZ rule gives at Unix second sec (the file's
// table ended at lastTxSec), as Go's tzset computes it.
func tzset(s string, lastTxSec int64, sec int64) (name string, offset int, start int64, end int64, isDST bool, ok bool) {
	var stdName, dstName string
	var stdOffset, dstOffset int
	stdName, s, ok = tzsetName(s)
	if ok {
		stdOffset, s, ok = tzsetOffset(s)
	}
	if !ok {
		return "", 0, 0, 0, false, false
	}
	stdOffset = -stdOffset
	if len(s) == 0 || s[0] == ',' {
		return stdName, stdOffset, lastTxSec, omega, false, true
	}
	dstName, s, ok = tzsetName(s)
	if ok {
		if len(s) == 0 || s[0] == ',' {
			dstOffset = stdOffset + 3600
		} else {
			dstOffset, s, ok = tzsetOffset(s)
			dstOffset = -dstOffset
		}
	}
	if !ok {
		return "", 0, 0, 0, false, false
	}
	if len(s) == 0 {
		s = ",M3.2.0,M11.1.0"
	}
	if s[0] != ',' && s[0] != ';' {
		return "", 0, 0, 0, false, false
	}
	s = s[1:]
	var startRule, endRule rule
	startRule, s, ok = tzsetRule(s)
	if !ok || len(s) == 0 || s[0] != ',' {
		return "", 0, 0, 0, false, false
	}
	s = s[1:]
	endRule, s, ok = tzsetRule(s)
	if !ok || len(s) > 0 {
		return "", 0, 0, 0, false, false
	}
	y, _, _, _, days := civil(sec + unixToInternal)
	year := int(y)
	jan1 := daysSinceUnix(y, 1, 1)
	abs := jan1 * 86400
	ysec := sec - abs
	startSec := int64(tzruleTime(year, startRule, stdOffset))
	endSec := int64(tzruleTime(year, endRule, dstOffset))
	_ = days
	dstIsDST, stdIsDST := true, false
	if endSec < startSec {
		startSec, endSec = endSec, startSec
		stdName, dstName = dstName, stdName
		stdOffset, dstOffset = dstOffset, stdOffset
		stdIsDST, dstIsDST = dstIsDST, stdIsDST
	}
	if ysec < startSec {
		return stdName, stdOffset, abs, startSec + abs, stdIsDST, true
	} else if ysec >= endSec {
		return stdName, stdOffset, endSec + abs, abs + 365*86400, stdIsDST, true
	}
	return dstName, dstOffset, startSec + abs, endSec + abs, dstIsDST, true
}

func tzsetName(s string) (string, string, bool) {
	if len(s) == 0 {
		return "", "", false
	}
	if s[0] != '<' {
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ',', '-', '+':
				if i < 3 {
					return "", "", false
				}
				return s[:i], s[i:], true
			}
		}
		if len(s) < 3 {
			return "", "", false
		}
		return s, "", true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '>' {
			return s[1:i], s[i+1:], true
		}
	}
	return "", "", false
}

func tzsetOffset(s string) (offset int, rest string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		s = s[1:]
		neg = true
	}
	var hours int
	hours, s, ok = tzsetNum(s, 0, 24*7)
	if !ok {
		return 0, "", false
	}
	off := hours * 3600
	if len(s) == 0 || s[0] != ':' {
		if neg {
			off = -off
		}
		return off, s, true
	}
	var mins int
	mins, s, ok = tzsetNum(s[1:], 0, 59)
	if !ok {
		return 0, "", false
	}
	off += mins * 60
	if len(s) == 0 || s[0] != ':' {
		if neg {
			off = -off
		}
		return off, s, true
	}
	var secs int
	secs, s, ok = tzsetNum(s[1:], 0, 59)
	if !ok {
		return 0, "", false
	}
	off += secs
	if neg {
		off = -off
	}
	return off, s, true
}

type rule struct {
	kind int // 0 Julian day (Jn), 1 day of year (n), 2 month-week-day (Mm.w.d)
	day  int
	week int
	mon  int
	time int
}

func tzsetRule(s string) (rule, string, bool) {
	var r rule
	if len(s) == 0 {
		return rule{}, "", false
	}
	ok := false
	if s[0] == 'J' {
		var jday int
		jday, s, ok = tzsetNum(s[1:], 1, 365)
		if !ok {
			return rule{}, "", false
		}
		r.kind = 0
		r.day = jday
	} else if s[0] == 'M' {
		var mon int
		mon, s, ok = tzsetNum(s[1:], 1, 12)
		if !ok || len(s) == 0 || s[0] != '.' {
			return rule{}, "", false
		}
		var week int
		week, s, ok = tzsetNum(s[1:], 1, 5)
		if !ok || len(s) == 0 || s[0] != '.' {
			return rule{}, "", false
		}
		var day int
		day, s, ok = tzsetNum(s[1:], 0, 6)
		if !ok {
			return rule{}, "", false
		}
		r.kind = 2
		r.day = day
		r.week = week
		r.mon = mon
	} else {
		var day int
		day, s, ok = tzsetNum(s, 0, 365)
		if !ok {
			return rule{}, "", false
		}
		r.kind = 1
		r.day = day
	}
	if len(s) == 0 || s[0] != '/' {
		r.time = 2 * 3600
		return r, s, true
	}
	offset, s, ok := tzsetOffset(s[1:])
	if !ok {
		return rule{}, "", false
	}
	r.time = offset
	return r, s, true
}

func tzsetNum(s string, min int, max int) (num int, rest string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	num = 0
	for i, r := range s {
		if r < '0' || r > '9' {
			if i == 0 || num < min {
				return 0, "", false
			}
			return num, s[i:], true
		}
		num *= 10
		num += int(r) - '0'
		if num > max {
			return 0, "", false
		}
	}
	if num < min {
		return 0, "", false
	}
	return num, "", true
}

var daysBefore = [...]int32{
	0,
	31,
	31 + 28,
	31 + 28 + 31,
	31 + 28 + 31 + 30,
	31 + 28 + 31 + 30 + 31,
	31 + 28 + 31 + 30 + 31 + 30,
	31 + 28 + 31 + 30 + 31 + 30 + 31,
	31 + 28 + 31 + 30 + 31 + 30 + 31 + 31,
	31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30,
	31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31,
	31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30,
	31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31,
}

func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

func daysIn(m Month, year int) int {
	if m == February && isLeap(year) {
		return 29
	}
	return int(daysBefore[m] - daysBefore[m-1])
}

// tzruleTime is the second of the year (UTC) at which rule r takes
// effect in year, for a zone at offset off before it.
func tzruleTime(year int, r rule, off int) int {
	var s int
	switch r.kind {
	case 0:
		s = (r.day - 1) * 86400
		if isLeap(year) && r.day >= 60 {
			s += 86400
		}
	case 1:
		s = r.day * 86400
	case 2:
		// Zeller's congruence for the weekday of the month's first day.
		m1 := (r.mon+9)%12 + 1
		yy0 := year
		if r.mon <= 2 {
			yy0--
		}
		yy1 := yy0 / 100
		yy2 := yy0 % 100
		dow := ((26*m1-2)/10 + 1 + yy2 + yy2/4 + yy1/4 - 2*yy1) % 7
		if dow < 0 {
			dow += 7
		}
		d := r.day - dow
		if d < 0 {
			d += 7
		}
		for i := 1; i < r.week; i++ {
			if d+7 >= daysIn(Month(r.mon), year) {
				break
			}
			d += 7
		}
		d += int(daysBefore[r.mon-1])
		if isLeap(year) && r.mon > 2 {
			d++
		}
		s = d * 86400
	}
	return s + r.time - off
}
