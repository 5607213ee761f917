// Package net/http/cookiejar: an in-memory http.CookieJar following RFC
// 6265 as Go's does, written in Go over net/http.
//
// Cookies are kept per key (the host's registrable part: with no public
// suffix list, its last two labels; an IP address or a single label as it
// is), under the id "domain;path;name". A cookie is sent to a URL when its
// domain matches the host (exactly for a host-only cookie, or as a
// dot-suffix), its path is a prefix of the URL's at a '/' boundary, and
// it is not Secure or the URL is https or the host is a loopback name.
// Cookies go out longest path first, then by creation (a replaced cookie
// keeps its creation time and order).
//
// Differences from Go: gol's time package has no Date or UTC, so the end
// of time of session cookies is written as its Unix seconds (the same
// instant); a loopback IP domain is recognised through net.ParseIP.
package cookiejar

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// PublicSuffixList gives the public suffix of a domain ("co.uk" of
// "www.example.co.uk"), which a cookie may not be set for.
type PublicSuffixList interface {
	PublicSuffix(domain string) string
	String() string
}

// Options are the options of New: a nil PublicSuffixList allows cookies
// for any domain the host is in.
type Options struct {
	PublicSuffixList PublicSuffixList
}

// Jar is a cookie jar safe for use by several goroutines.
type Jar struct {
	psList PublicSuffixList

	mu         sync.Mutex // guards entries and nextSeqNum
	entries    map[string]map[string]entry
	nextSeqNum uint64
}

// New makes an empty jar.
func New(o *Options) (*Jar, error) {
	jar := &Jar{entries: make(map[string]map[string]entry)}
	if o != nil {
		jar.psList = o.PublicSuffixList
	}
	return jar, nil
}

// entry is a stored cookie.
type entry struct {
	Name       string
	Value      string
	Quoted     bool
	Domain     string
	Path       string
	SameSite   string
	Secure     bool
	HttpOnly   bool
	Persistent bool
	HostOnly   bool
	Expires    time.Time
	Creation   time.Time
	LastAccess time.Time

	// seqNum orders cookies created at the same instant.
	seqNum uint64
}

func (e *entry) id() string {
	return fmt.Sprintf("%s;%s;%s", e.Domain, e.Path, e.Name)
}

func (e *entry) shouldSend(https bool, host, path string) bool {
	return e.domainMatch(host) && e.pathMatch(path) && e.secureMatch(https)
}

func (e *entry) domainMatch(host string) bool {
	if e.Domain == host {
		return true
	}
	return !e.HostOnly && hasDotSuffix(host, e.Domain)
}

// pathMatch: requestPath is the cookie's path or below it.
func (e *entry) pathMatch(requestPath string) bool {
	if requestPath == e.Path {
		return true
	}
	if strings.HasPrefix(requestPath, e.Path) {
		if e.Path[len(e.Path)-1] == '/' {
			return true
		} else if requestPath[len(e.Path)] == '/' {
			return true
		}
	}
	return false
}

// secureMatch: a Secure cookie goes only over https, or to a loopback
// host (browsers treat those as secure).
func (e *entry) secureMatch(https bool) bool {
	if !e.Secure || https || isLocalhost(e.Domain) {
		return true
	}
	d := e.Domain
	if i := strings.IndexByte(d, '%'); i >= 0 && strings.Contains(d, ":") {
		d = d[:i]
	}
	ip := net.ParseIP(d)
	return ip != nil && ip.IsLoopback()
}

// isLocalhost: host is "localhost" or a name under it.
func isLocalhost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	if idx := strings.LastIndex(host, "."); idx >= 0 {
		host = host[idx+1:]
	}
	return asciiEqualFold(host, "localhost")
}

func asciiEqualFold(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != lowerByte(t[i]) {
			return false
		}
	}
	return true
}

func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// asciiLower is s in lower case, or "" and false when s holds a byte
// outside printable ASCII.
func asciiLower(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return "", false
		}
	}
	return strings.ToLower(s), true
}

// hasDotSuffix: s ends with "." + suffix.
func hasDotSuffix(s, suffix string) bool {
	return len(s) > len(suffix) && s[len(s)-len(suffix)-1] == '.' && s[len(s)-len(suffix):] == suffix
}

// Cookies are the cookies to send to u (none but for http and https).
func (j *Jar) Cookies(u *url.URL) (cookies []*http.Cookie) {
	return j.cookies(u, time.Now())
}

func (j *Jar) cookies(u *url.URL, now time.Time) (cookies []*http.Cookie) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return cookies
	}
	host, err := canonicalHost(u.Host)
	if err != nil {
		return cookies
	}
	key := jarKey(host, j.psList)

	j.mu.Lock()
	defer j.mu.Unlock()

	submap := j.entries[key]
	if submap == nil {
		return cookies
	}
	https := u.Scheme == "https"
	path := u.Path
	if path == "" {
		path = "/"
	}
	modified := false
	var selected []entry
	for id, e := range submap {
		if e.Persistent && !e.Expires.After(now) {
			delete(submap, id)
			modified = true
			continue
		}
		if !e.shouldSend(https, host, path) {
			continue
		}
		e.LastAccess = now
		submap[id] = e
		selected = append(selected, e)
		modified = true
	}
	if modified {
		if len(submap) == 0 {
			delete(j.entries, key)
		} else {
			j.entries[key] = submap
		}
	}
	// Longest path first, then the oldest.
	sort.Slice(selected, func(a, b int) bool {
		x, y := selected[a], selected[b]
		if x.Path != y.Path {
			return x.Path > y.Path
		}
		if c := x.Creation.Compare(y.Creation); c != 0 {
			return c < 0
		}
		return x.seqNum < y.seqNum
	})
	for _, e := range selected {
		cookies = append(cookies, &http.Cookie{Name: e.Name, Value: e.Value, Quoted: e.Quoted})
	}
	return cookies
}

// SetCookies stores the cookies a response from u set (only for http
// and https), dropping those it may not set and removing the expired.
func (j *Jar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	j.setCookies(u, cookies, time.Now())
}

func (j *Jar) setCookies(u *url.URL, cookies []*http.Cookie, now time.Time) {
	if len(cookies) == 0 {
		return
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return
	}
	host, err := canonicalHost(u.Host)
	if err != nil {
		return
	}
	key := jarKey(host, j.psList)
	defPath := defaultPath(u.Path)

	j.mu.Lock()
	defer j.mu.Unlock()

	submap := j.entries[key]
	modified := false
	for _, cookie := range cookies {
		e, remove, err := j.newEntry(cookie, now, defPath, host)
		if err != nil {
			continue
		}
		id := e.id()
		if remove {
			if submap != nil {
				if _, ok := submap[id]; ok {
					delete(submap, id)
					modified = true
				}
			}
			continue
		}
		if submap == nil {
			submap = make(map[string]entry)
		}
		if old, ok := submap[id]; ok {
			e.Creation = old.Creation
			e.seqNum = old.seqNum
		} else {
			e.Creation = now
			e.seqNum = j.nextSeqNum
			j.nextSeqNum++
		}
		e.LastAccess = now
		submap[id] = e
		modified = true
	}
	if modified {
		if len(submap) == 0 {
			delete(j.entries, key)
		} else {
			j.entries[key] = submap
		}
	}
}

// canonicalHost is host without its port and final dot, in punycode and
// lower case.
func canonicalHost(host string) (string, error) {
	var err error
	if hasPort(host) {
		host, _, err = net.SplitHostPort(host)
		if err != nil {
			return "", err
		}
	}
	host = strings.TrimSuffix(host, ".")
	encoded, err := toASCII(host)
	if err != nil {
		return "", err
	}
	lower, _ := asciiLower(encoded)
	return lower, nil
}

// hasPort: host (as in a URL) ends with a port.
func hasPort(host string) bool {
	colons := strings.Count(host, ":")
	if colons == 0 {
		return false
	}
	if colons == 1 {
		return true
	}
	return host[0] == '[' && strings.Contains(host, "]:")
}

// jarKey is the key a host's cookies are stored under.
func jarKey(host string, psl PublicSuffixList) string {
	if isIP(host) {
		return host
	}
	var i int
	if psl == nil {
		i = strings.LastIndex(host, ".")
		if i <= 0 {
			return host
		}
	} else {
		suffix := psl.PublicSuffix(host)
		if suffix == host {
			return host
		}
		i = len(host) - len(suffix)
		if i <= 0 || host[i-1] != '.' {
			return host
		}
	}
	prevDot := strings.LastIndex(host[:i-1], ".")
	return host[prevDot+1:]
}

func isIP(host string) bool {
	if strings.ContainsAny(host, ":%") {
		return true
	}
	return net.ParseIP(host) != nil
}

// defaultPath is the path a cookie without one gets: the URL's path up to
// its last slash.
func defaultPath(path string) string {
	if len(path) == 0 || path[0] != '/' {
		return "/"
	}
	i := strings.LastIndex(path, "/")
	if i == 0 {
		return "/"
	}
	return path[:i]
}

// endOfTime is when session cookies expire: 9999-12-31T23:59:59Z.
var endOfTime = time.Unix(253402300799, 0)

// newEntry makes the entry of cookie c set by host; remove reports a
// cookie that deletes its entry (expired or Max-Age < 0).
func (j *Jar) newEntry(c *http.Cookie, now time.Time, defPath, host string) (e entry, remove bool, err error) {
	e.Name = c.Name
	if c.Path == "" || c.Path[0] != '/' {
		e.Path = defPath
	} else {
		e.Path = c.Path
	}
	e.Domain, e.HostOnly, err = j.domainAndType(host, c.Domain)
	if err != nil {
		return e, false, err
	}
	if c.MaxAge < 0 {
		return e, true, nil
	} else if c.MaxAge > 0 {
		e.Expires = now.Add(time.Duration(c.MaxAge) * time.Second)
		e.Persistent = true
	} else if c.Expires.IsZero() {
		e.Expires = endOfTime
		e.Persistent = false
	} else {
		if !c.Expires.After(now) {
			return e, true, nil
		}
		e.Expires = c.Expires
		e.Persistent = true
	}
	e.Value = c.Value
	e.Quoted = c.Quoted
	e.Secure = c.Secure
	e.HttpOnly = c.HttpOnly
	switch c.SameSite {
	case http.SameSiteDefaultMode:
		e.SameSite = "SameSite"
	case http.SameSiteStrictMode:
		e.SameSite = "SameSite=Strict"
	case http.SameSiteLaxMode:
		e.SameSite = "SameSite=Lax"
	}
	return e, false, nil
}

var (
	errIllegalDomain   = errors.New("cookiejar: illegal cookie domain attribute")
	errMalformedDomain = errors.New("cookiejar: malformed cookie domain attribute")
)

// domainAndType is the domain a cookie from host with Domain attribute
// domain is stored for, and whether it is host-only.
func (j *Jar) domainAndType(host, domain string) (string, bool, error) {
	if domain == "" {
		return host, true, nil
	}
	if isIP(host) {
		// An IP address host may only set a host-only cookie for itself.
		if host != domain {
			return "", false, errIllegalDomain
		}
		return host, true, nil
	}
	domain = strings.TrimPrefix(domain, ".")
	if len(domain) == 0 || domain[0] == '.' {
		return "", false, errMalformedDomain
	}
	domain, isASCII := asciiLower(domain)
	if !isASCII {
		return "", false, errMalformedDomain
	}
	if domain[len(domain)-1] == '.' {
		return "", false, errMalformedDomain
	}
	if j.psList != nil {
		if ps := j.psList.PublicSuffix(domain); ps != "" && !hasDotSuffix(domain, ps) {
			if host == domain {
				// A public suffix host may set a host-only cookie.
				return host, true, nil
			}
			return "", false, errIllegalDomain
		}
	}
	if host != domain && !hasDotSuffix(host, domain) {
		return "", false, errIllegalDomain
	}
	return domain, false, nil
}
