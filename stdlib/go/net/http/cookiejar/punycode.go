// Punycode (RFC 3492): the ASCII form of host names, so that a cookie set
// for a Unicode host matches the same host written in "xn--" form.

package cookiejar

import (
	"fmt"
	"strings"
)

// The parameters of RFC 3492, section 5.
const (
	base        int32 = 36
	damp        int32 = 700
	initialBias int32 = 72
	initialN    int32 = 128
	skew        int32 = 38
	tmax        int32 = 26
	tmin        int32 = 1
)

const acePrefix = "xn--"

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// toASCII writes each non-ASCII label of s in punycode.
func toASCII(s string) (string, error) {
	if isASCII(s) {
		return s, nil
	}
	labels := strings.Split(s, ".")
	for i, label := range labels {
		if isASCII(label) {
			continue
		}
		a, err := encode(acePrefix, label)
		if err != nil {
			return "", err
		}
		labels[i] = a
	}
	return strings.Join(labels, "."), nil
}

// encode is prefix and the punycode of s: its ASCII runes, a '-', then
// the insertions of the others as variable-length base-36 deltas.
func encode(prefix, s string) (string, error) {
	out := []byte(prefix)
	var basic, remaining int32
	for _, r := range s {
		if r < 0x80 {
			basic++
			out = append(out, byte(r))
		} else {
			remaining++
		}
	}
	if basic > 0 {
		out = append(out, '-')
	}
	delta, n, bias := int32(0), initialN, initialBias
	handled := basic
	for remaining != 0 {
		// The smallest code point not handled yet.
		m := int32(0x7fffffff)
		for _, r := range s {
			if r >= n && r < m {
				m = r
			}
		}
		delta += (m - n) * (handled + 1)
		if delta < 0 {
			return "", fmt.Errorf("cookiejar: invalid label %q", s)
		}
		n = m
		for _, r := range s {
			if r < n {
				delta++
				if delta < 0 {
					return "", fmt.Errorf("cookiejar: invalid label %q", s)
				}
				continue
			}
			if r > n {
				continue
			}
			q := delta
			for k := base; ; k += base {
				t := k - bias
				if t < tmin {
					t = tmin
				} else if t > tmax {
					t = tmax
				}
				if q < t {
					break
				}
				out = append(out, digit(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, digit(q))
			bias = adapt(delta, handled+1, handled == basic)
			delta = 0
			handled++
			remaining--
		}
		delta++
		n++
	}
	return string(out), nil
}

// digit is the base-36 digit d: a-z, then 0-9.
func digit(d int32) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// adapt is the bias after a delta (RFC 3492, section 6.1).
func adapt(delta, numPoints int32, first bool) int32 {
	if first {
		delta /= damp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := int32(0)
	for delta > ((base-tmin)*tmax)/2 {
		delta /= base - tmin
		k += base
	}
	return k + (base-tmin+1)*delta/(delta+skew)
}
