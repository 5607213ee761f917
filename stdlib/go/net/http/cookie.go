// Cookies: the Cookie type and its serialisation (RFC 6265 as Go applies
// it), parsing the Cookie header of requests and the Set-Cookie headers of
// responses, and HTTP basic authentication.
//
// Differences from Go, forced by gol's time package (no Parse, Format or
// UTC): Expires is written from its Unix seconds (the same text as Go's
// UTC().Format(TimeFormat)) and read by a parser of exactly the two
// layouts Go tries (time.RFC1123 and "Mon, 02-Jan-2006 15:04:05 MST").
// The zone abbreviation is checked as time.Parse checks it and leaves the
// instant as written (UTC), which is what Go's time.Parse does for every
// name but those of the local zone: on a machine whose local zone is not
// UTC, Go would shift a time written in its local abbreviation ("CET"),
// gol does not. The parsed Expires is time.Unix's value rather than a
// Time in time.UTC.
// The GODEBUG setting httpcookiemaxnum is not read: the limit is Go's
// default, 3000 cookies.

package http

import (
	"encoding/base64"
	"errors"
	"fmt"
	"log"
	"net"
	"strconv"
	"strings"
	"time"
)

// A Cookie is an HTTP cookie, as a Set-Cookie header of a response sets it
// or a Cookie header of a request sends it back.
type Cookie struct {
	Name   string
	Value  string
	Quoted bool // the value was (or is to be) in double quotes

	Path       string
	Domain     string
	Expires    time.Time
	RawExpires string // as read from a Set-Cookie header

	// MaxAge 0: no Max-Age attribute; < 0: delete now ("Max-Age=0");
	// > 0: the cookie's lifetime in seconds.
	MaxAge      int
	Secure      bool
	HttpOnly    bool
	SameSite    SameSite
	Partitioned bool
	Raw         string
	Unparsed    []string // attribute-value pairs not understood
}

// SameSite is the SameSite attribute of a cookie.
type SameSite int

const (
	SameSiteDefaultMode SameSite = iota + 1
	SameSiteLaxMode
	SameSiteStrictMode
	SameSiteNoneMode
)

var (
	errBlankCookie            = errors.New("http: blank cookie")
	errEqualNotFoundInCookie  = errors.New("http: '=' not found in cookie")
	errInvalidCookieName      = errors.New("http: invalid cookie name")
	errInvalidCookieValue     = errors.New("http: invalid cookie value")
	errCookieNumLimitExceeded = errors.New("http: number of cookies exceeded limit")
)

// ErrNoCookie is Request.Cookie's error for a cookie the request lacks.
var ErrNoCookie = errors.New("http: named cookie not present")

// maxCookies is how many cookies one header (or a response) may carry.
const maxCookies = 3000

// isToken reports whether s is a non-empty HTTP token (a valid name).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTokenByte(s[i]) {
			return false
		}
	}
	return true
}

// trimString drops ASCII white space (space, tab, CR, LF) from both ends
// (net/textproto's TrimString).
func trimString(s string) string {
	for len(s) > 0 && isASCIISpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isASCIISpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r'
}

// asciiLower is s in lower case, and false when s holds a byte outside
// printable ASCII.
func asciiLower(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return "", false
		}
	}
	return strings.ToLower(s), true
}

// ParseCookie parses a Cookie header value: every name=value pair, in
// order (a name may repeat).
func ParseCookie(line string) ([]*Cookie, error) {
	parts := strings.Split(line, ";")
	if len(parts) > maxCookies {
		return nil, errCookieNumLimitExceeded
	}
	if len(parts) == 1 && trimString(line) == "" {
		return nil, errBlankCookie
	}
	cookies := make([]*Cookie, 0, len(parts))
	for _, s := range parts {
		s = trimString(s)
		name, value, found := strings.Cut(s, "=")
		if !found {
			return nil, errEqualNotFoundInCookie
		}
		if !isToken(name) {
			return nil, errInvalidCookieName
		}
		value, quoted, ok := parseCookieValue(value, true)
		if !ok {
			return nil, errInvalidCookieValue
		}
		cookies = append(cookies, &Cookie{Name: name, Value: value, Quoted: quoted})
	}
	return cookies, nil
}

// ParseSetCookie parses a Set-Cookie header value.
func ParseSetCookie(line string) (*Cookie, error) {
	parts := strings.Split(trimString(line), ";")
	if len(parts) == 1 && parts[0] == "" {
		return nil, errBlankCookie
	}
	parts[0] = trimString(parts[0])
	name, value, ok := strings.Cut(parts[0], "=")
	if !ok {
		return nil, errEqualNotFoundInCookie
	}
	name = trimString(name)
	if !isToken(name) {
		return nil, errInvalidCookieName
	}
	value, quoted, ok := parseCookieValue(value, true)
	if !ok {
		return nil, errInvalidCookieValue
	}
	c := &Cookie{Name: name, Value: value, Quoted: quoted, Raw: line}
	for i := 1; i < len(parts); i++ {
		parts[i] = trimString(parts[i])
		if len(parts[i]) == 0 {
			continue
		}
		attr, val, _ := strings.Cut(parts[i], "=")
		lowerAttr, isASCII := asciiLower(attr)
		if !isASCII {
			continue
		}
		val, _, ok = parseCookieValue(val, false)
		if !ok {
			c.Unparsed = append(c.Unparsed, parts[i])
			continue
		}
		understood := true
		switch lowerAttr {
		case "samesite":
			lowerVal, isASCII := asciiLower(val)
			switch {
			case !isASCII:
				c.SameSite = SameSiteDefaultMode
			case lowerVal == "lax":
				c.SameSite = SameSiteLaxMode
			case lowerVal == "strict":
				c.SameSite = SameSiteStrictMode
			case lowerVal == "none":
				c.SameSite = SameSiteNoneMode
			default:
				c.SameSite = SameSiteDefaultMode
			}
		case "secure":
			c.Secure = true
		case "httponly":
			c.HttpOnly = true
		case "domain":
			c.Domain = val
		case "max-age":
			secs, err := strconv.Atoi(val)
			if err != nil || secs != 0 && val[0] == '0' {
				understood = false
				break
			}
			if secs <= 0 {
				secs = -1
			}
			c.MaxAge = secs
		case "expires":
			c.RawExpires = val
			t, ok := parseCookieExpires(val)
			if !ok {
				c.Expires = time.Time{}
				understood = false
				break
			}
			c.Expires = t
		case "path":
			c.Path = val
		case "partitioned":
			c.Partitioned = true
		default:
			understood = false
		}
		if !understood {
			c.Unparsed = append(c.Unparsed, parts[i])
		}
	}
	return c, nil
}

// readSetCookies parses the Set-Cookie fields of h, skipping the
// malformed ones.
func readSetCookies(h Header) []*Cookie {
	lines := h["Set-Cookie"]
	if len(lines) == 0 || len(lines) > maxCookies {
		return []*Cookie{}
	}
	cookies := make([]*Cookie, 0, len(lines))
	for _, line := range lines {
		if c, err := ParseSetCookie(line); err == nil {
			cookies = append(cookies, c)
		}
	}
	return cookies
}

// readCookies parses the Cookie fields of h, skipping malformed pairs;
// only those named filter when it is not empty.
func readCookies(h Header, filter string) []*Cookie {
	lines := h["Cookie"]
	if len(lines) == 0 {
		return []*Cookie{}
	}
	count := 0
	for _, line := range lines {
		count += strings.Count(line, ";") + 1
	}
	if count > maxCookies {
		return []*Cookie{}
	}
	cookies := make([]*Cookie, 0, len(lines)+strings.Count(lines[0], ";"))
	for _, line := range lines {
		line = trimString(line)
		var part string
		for len(line) > 0 {
			part, line, _ = strings.Cut(line, ";")
			part = trimString(part)
			if part == "" {
				continue
			}
			name, val, _ := strings.Cut(part, "=")
			name = trimString(name)
			if !isToken(name) {
				continue
			}
			if filter != "" && filter != name {
				continue
			}
			val, quoted, ok := parseCookieValue(val, true)
			if !ok {
				continue
			}
			cookies = append(cookies, &Cookie{Name: name, Value: val, Quoted: quoted})
		}
	}
	return cookies
}

// SetCookie adds c's Set-Cookie header to w (nothing for an invalid name).
func SetCookie(w ResponseWriter, cookie *Cookie) {
	if v := cookie.String(); v != "" {
		w.Header().Add("Set-Cookie", v)
	}
}

// String is the cookie as a Cookie header carries it (name and value
// only) or as a Set-Cookie header does (with attributes). Invalid bytes
// are dropped with a log line; an invalid domain is dropped; "" for a nil
// cookie or an invalid name.
func (c *Cookie) String() string {
	if c == nil || !isToken(c.Name) {
		return ""
	}
	var b strings.Builder
	b.WriteString(c.Name)
	b.WriteByte('=')
	b.WriteString(sanitizeCookieValue(c.Value, c.Quoted))
	if len(c.Path) > 0 {
		b.WriteString("; Path=")
		b.WriteString(sanitizeCookiePath(c.Path))
	}
	if len(c.Domain) > 0 {
		if validCookieDomain(c.Domain) {
			// A leading dot is allowed but not sent.
			d := c.Domain
			if d[0] == '.' {
				d = d[1:]
			}
			b.WriteString("; Domain=")
			b.WriteString(d)
		} else {
			log.Printf("net/http: invalid Cookie.Domain %q; dropping domain attribute", c.Domain)
		}
	}
	if validCookieExpires(c.Expires) {
		b.WriteString("; Expires=")
		b.WriteString(formatHTTPDate(c.Expires.Unix()))
	}
	if c.MaxAge > 0 {
		b.WriteString("; Max-Age=")
		b.WriteString(strconv.Itoa(c.MaxAge))
	} else if c.MaxAge < 0 {
		b.WriteString("; Max-Age=0")
	}
	if c.HttpOnly {
		b.WriteString("; HttpOnly")
	}
	if c.Secure {
		b.WriteString("; Secure")
	}
	switch c.SameSite {
	case SameSiteNoneMode:
		b.WriteString("; SameSite=None")
	case SameSiteLaxMode:
		b.WriteString("; SameSite=Lax")
	case SameSiteStrictMode:
		b.WriteString("; SameSite=Strict")
	}
	if c.Partitioned {
		b.WriteString("; Partitioned")
	}
	return b.String()
}

// Valid reports why the cookie could not be sent as it is (nil if it
// can).
func (c *Cookie) Valid() error {
	if c == nil {
		return errors.New("http: nil Cookie")
	}
	if !isToken(c.Name) {
		return errors.New("http: invalid Cookie.Name")
	}
	if !c.Expires.IsZero() && !validCookieExpires(c.Expires) {
		return errors.New("http: invalid Cookie.Expires")
	}
	for i := 0; i < len(c.Value); i++ {
		if !validCookieValueByte(c.Value[i]) {
			return fmt.Errorf("http: invalid byte %q in Cookie.Value", c.Value[i])
		}
	}
	for i := 0; i < len(c.Path); i++ {
		if !validCookiePathByte(c.Path[i]) {
			return fmt.Errorf("http: invalid byte %q in Cookie.Path", c.Path[i])
		}
	}
	if len(c.Domain) > 0 && !validCookieDomain(c.Domain) {
		return errors.New("http: invalid Cookie.Domain")
	}
	if c.Partitioned && !c.Secure {
		return errors.New("http: partitioned cookies must be set with Secure")
	}
	return nil
}

// validCookieDomain: a domain name (a leading dot allowed) or an IPv4
// address.
func validCookieDomain(v string) bool {
	if isCookieDomainName(v) {
		return true
	}
	return net.ParseIP(v) != nil && !strings.Contains(v, ":")
}

// firstCookieSecs is 1601-01-01T00:00:00Z in Unix seconds: RFC 6265 has
// no earlier Expires year.
const firstCookieSecs = -11644473600

// validCookieExpires: the year is at least 1601 (counted in UTC, where Go
// counts in t's location).
func validCookieExpires(t time.Time) bool {
	return t.Unix() >= firstCookieSecs
}

// isCookieDomainName: labels of letters, digits and inner hyphens, at most
// 63 bytes each, at least one letter, 255 bytes in all, one leading dot
// allowed.
func isCookieDomainName(s string) bool {
	if len(s) == 0 || len(s) > 255 {
		return false
	}
	if s[0] == '.' {
		s = s[1:]
	}
	last := byte('.')
	letter := false
	partlen := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			letter = true
			partlen++
		case '0' <= c && c <= '9':
			partlen++
		case c == '-':
			if last == '.' {
				return false
			}
			partlen++
		case c == '.':
			if last == '.' || last == '-' || partlen > 63 || partlen == 0 {
				return false
			}
			partlen = 0
		default:
			return false
		}
		last = c
	}
	if last == '-' || partlen > 63 {
		return false
	}
	return letter
}

var cookieNameSanitizer = strings.NewReplacer("\n", "-", "\r", "-")

func sanitizeCookieName(n string) string {
	return cookieNameSanitizer.Replace(n)
}

// sanitizeCookieValue drops the bytes a cookie value may not hold, and
// quotes it when it was quoted or holds a space or comma (which RFC 6265
// forbids unquoted; Go quotes rather than refuses them).
func sanitizeCookieValue(v string, quoted bool) string {
	v = sanitizeOrWarn("Cookie.Value", validCookieValueByte, v)
	if strings.ContainsAny(v, " ,") || quoted {
		return `"` + v + `"`
	}
	return v
}

func validCookieValueByte(b byte) bool {
	return 0x20 <= b && b < 0x7f && b != '"' && b != ';' && b != '\\'
}

func sanitizeCookiePath(v string) string {
	return sanitizeOrWarn("Cookie.Path", validCookiePathByte, v)
}

func validCookiePathByte(b byte) bool {
	return 0x20 <= b && b < 0x7f && b != ';'
}

// sanitizeOrWarn is v without the bytes valid refuses, logging the first.
func sanitizeOrWarn(fieldName string, valid func(byte) bool, v string) string {
	bad := -1
	for i := 0; i < len(v); i++ {
		if !valid(v[i]) {
			bad = i
			break
		}
	}
	if bad < 0 {
		return v
	}
	log.Printf("net/http: invalid byte %q in %s; dropping invalid bytes", v[bad], fieldName)
	buf := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if valid(v[i]) {
			buf = append(buf, v[i])
		}
	}
	return string(buf)
}

// parseCookieValue checks a cookie value (allowDoubleQuote: a cookie's own
// value, whose quotes are dropped) or an attribute's value.
func parseCookieValue(raw string, allowDoubleQuote bool) (value string, quoted, ok bool) {
	if allowDoubleQuote && len(raw) > 1 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		raw = raw[1 : len(raw)-1]
		quoted = true
	}
	for i := 0; i < len(raw); i++ {
		if !validCookieValueByte(raw[i]) {
			return "", quoted, false
		}
	}
	return raw, quoted, true
}

// parseCookieExpires reads "Mon, 02 Jan 2006 15:04:05 MST" or "Mon,
// 02-Jan-2006 15:04:05 MST" as time.Parse does (see the file's doc
// comment for the zone).
func parseCookieExpires(s string) (time.Time, bool) {
	if t, ok := parseExpiresLayout(s, ' '); ok {
		return t, true
	}
	return parseExpiresLayout(s, '-')
}

const (
	shortDays   = "SunMonTueWedThuFriSat"
	shortMonths = "JanFebMarAprMayJunJulAugSepOctNovDec"
)

// lookupName is the index of s's first three bytes among the names of
// three letters in table (any case), or -1.
func lookupName(s, table string) int {
	if len(s) < 3 {
		return -1
	}
	for i := 0; i+3 <= len(table); i += 3 {
		if strings.EqualFold(s[:3], table[i:i+3]) {
			return i / 3
		}
	}
	return -1
}

// digits reads a number of exactly n digits, or of 1 to 2 when n is 0.
func digits(s string, n int) (int, string, bool) {
	if n == 0 {
		n = 1
		if len(s) >= 2 && '0' <= s[1] && s[1] <= '9' {
			n = 2
		}
	}
	if len(s) < n {
		return 0, s, false
	}
	v := 0
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, s, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, s[n:], true
}

// zoneLen is the length of the zone abbreviation s starts with, 0 if
// there is none (time's rules: three upper-case letters, four or five
// ending in T, WITA, ChST, MeST, GMT with an hour offset, a signed hour
// offset).
func zoneLen(s string) int {
	if len(s) < 3 {
		return 0
	}
	if len(s) >= 4 && (s[:4] == "ChST" || s[:4] == "MeST") {
		return 4
	}
	if s[:3] == "GMT" {
		return 3 + signedHours(s[3:])
	}
	if s[0] == '+' || s[0] == '-' {
		return signedHours(s)
	}
	upper := 0
	for upper < len(s) && upper < 6 && 'A' <= s[upper] && s[upper] <= 'Z' {
		upper++
	}
	switch upper {
	case 3:
		return 3
	case 4:
		if s[3] == 'T' || s[:4] == "WITA" {
			return 4
		}
	case 5:
		if s[4] == 'T' {
			return 5
		}
	}
	return 0
}

// signedHours is the length of the sign and hour count (at most 23) s
// starts with, or 0.
func signedHours(s string) int {
	if len(s) < 2 || s[0] != '+' && s[0] != '-' {
		return 0
	}
	j := 1
	v := 0
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		if v <= 23 {
			v = v*10 + int(s[j]-'0')
		}
		j++
	}
	if j == 1 || v > 23 {
		return 0
	}
	return j
}

// spaces drops the run of spaces s starts with; false if there is none (a
// space of a time layout matches one or more).
func spaces(s string) (string, bool) {
	if len(s) == 0 || s[0] != ' ' {
		return s, false
	}
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s, true
}

// sepAfter drops the separator sep (a run of spaces when sep is ' ') that
// must start s.
func sepAfter(s string, sep byte) (string, bool) {
	if sep == ' ' {
		return spaces(s)
	}
	if len(s) == 0 || s[0] != sep {
		return s, false
	}
	return s[1:], true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the days from 1970-01-01 to a proleptic Gregorian
// date.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if y < 0 {
		era = y - 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// parseExpiresLayout parses one of the two layouts; sep separates the
// day, month and year.
func parseExpiresLayout(s string, sep byte) (time.Time, bool) {
	if lookupName(s, shortDays) < 0 || len(s) < 4 || s[3] != ',' {
		return time.Time{}, false
	}
	s, ok := spaces(s[4:])
	if !ok {
		return time.Time{}, false
	}
	day, s, ok := digits(s, 2)
	if !ok {
		return time.Time{}, false
	}
	if s, ok = sepAfter(s, sep); !ok {
		return time.Time{}, false
	}
	month := lookupName(s, shortMonths) + 1
	if month == 0 {
		return time.Time{}, false
	}
	if s, ok = sepAfter(s[3:], sep); !ok {
		return time.Time{}, false
	}
	year, s, ok := digits(s, 4)
	if !ok {
		return time.Time{}, false
	}
	if s, ok = spaces(s); !ok {
		return time.Time{}, false
	}
	hour, s, ok := digits(s, 0)
	if !ok || len(s) == 0 || s[0] != ':' || hour > 23 {
		return time.Time{}, false
	}
	min, s, ok := digits(s[1:], 2)
	if !ok || len(s) == 0 || s[0] != ':' || min > 59 {
		return time.Time{}, false
	}
	sec, s, ok := digits(s[1:], 2)
	if !ok || sec > 59 {
		return time.Time{}, false
	}
	// time.Parse takes a fraction of a second after the seconds even
	// where the layout has none.
	nsec := 0
	if len(s) >= 2 && (s[0] == '.' || s[0] == ',') && '0' <= s[1] && s[1] <= '9' {
		j := 1
		scale := 100000000
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			if scale > 0 {
				nsec += int(s[j]-'0') * scale
				scale /= 10
			}
			j++
		}
		s = s[j:]
	}
	if s, ok = spaces(s); !ok {
		return time.Time{}, false
	}
	if strings.HasPrefix(s, "UTC") {
		s = s[3:]
	} else {
		n := zoneLen(s)
		if n == 0 {
			return time.Time{}, false
		}
		s = s[n:]
	}
	if s != "" || day < 1 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	secs := daysFromCivil(int64(year), int64(month), int64(day))*86400 + int64(hour*3600+min*60+sec)
	return time.Unix(secs, int64(nsec)), true
}

// Cookies are the cookies of the request's Cookie headers.
func (r *Request) Cookies() []*Cookie {
	return readCookies(r.Header, "")
}

// CookiesNamed are the request's cookies called name.
func (r *Request) CookiesNamed(name string) []*Cookie {
	if name == "" {
		return []*Cookie{}
	}
	return readCookies(r.Header, name)
}

// Cookie is the request's first cookie called name, or ErrNoCookie.
func (r *Request) Cookie(name string) (*Cookie, error) {
	if name == "" {
		return nil, ErrNoCookie
	}
	for _, c := range readCookies(r.Header, name) {
		return c, nil
	}
	return nil, ErrNoCookie
}

// AddCookie adds c's name and value (and no attribute) to the request's
// Cookie header.
func (r *Request) AddCookie(c *Cookie) {
	s := sanitizeCookieName(c.Name) + "=" + sanitizeCookieValue(c.Value, c.Quoted)
	if old := r.Header.Get("Cookie"); old != "" {
		r.Header.Set("Cookie", old+"; "+s)
	} else {
		r.Header.Set("Cookie", s)
	}
}

// Cookies are the cookies of the response's Set-Cookie headers.
func (r *Response) Cookies() []*Cookie {
	return readSetCookies(r.Header)
}

// BasicAuth is the user name and password of the request's
// "Authorization: Basic" header, ok false without a valid one.
func (r *Request) BasicAuth() (username, password string, ok bool) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return "", "", false
	}
	return parseBasicAuth(auth)
}

func parseBasicAuth(auth string) (username, password string, ok bool) {
	const prefix = "Basic "
	if len(auth) < len(prefix) || !strings.EqualFold(auth[:len(prefix)], prefix) {
		return "", "", false
	}
	c, err := base64.StdEncoding.DecodeString(auth[len(prefix):])
	if err != nil {
		return "", "", false
	}
	username, password, ok = strings.Cut(string(c), ":")
	if !ok {
		return "", "", false
	}
	return username, password, true
}

// SetBasicAuth sets the request's Authorization header to basic
// authentication with username and password (sent in clear).
func (r *Request) SetBasicAuth(username, password string) {
	r.Header.Set("Authorization", "Basic "+basicAuth(username, password))
}

func basicAuth(username, password string) string {
	return base64.StdEncoding.EncodeToString([]byte(username + ":" + password))
}
