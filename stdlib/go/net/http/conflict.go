// Conflicts between ServeMux patterns, as Go 1.22 defines them.
//
// A pattern stands for a set of requests. Two patterns with different
// hosts never conflict (one with a host beats one without; two different
// hosts match different requests). Otherwise their methods and their paths
// are compared as sets: equivalent, one more general or more specific than
// the other, overlapping (each matches something the other does not, and
// they share something), or disjoint. The relationship of the whole
// pattern combines those of its parts; the patterns conflict when it is
// equivalent or overlapping, since then some request has no single best
// pattern. The message explains the conflict with example paths made from
// the segments, exactly as Go words it.
//
// The patterns checked, and their order (which decides the one named when
// several conflict), are Go's: those ending in a multi-segment wildcard or
// a slash first, then those that could share a literal segment with the
// new pattern, by the position where fewest do.

package http

import (
	"strconv"
	"strings"
)

type relationship string

const (
	equivalent   relationship = "equivalent"
	moreGeneral  relationship = "moreGeneral"
	moreSpecific relationship = "moreSpecific"
	disjoint     relationship = "disjoint"
	overlaps     relationship = "overlaps"
)

func (p *pattern) lastSeg() segment { return p.segs[len(p.segs)-1] }

// conflictsWith reports whether some request matches both p1 and p2 while
// neither takes precedence.
func (p1 *pattern) conflictsWith(p2 *pattern) bool {
	if p1.host != p2.host {
		return false
	}
	rel := p1.comparePathsAndMethods(p2)
	return rel == equivalent || rel == overlaps
}

func (p1 *pattern) comparePathsAndMethods(p2 *pattern) relationship {
	mrel := p1.compareMethods(p2)
	if mrel == disjoint {
		return disjoint
	}
	return combineRelationships(mrel, p1.comparePaths(p2))
}

// compareMethods: "" matches every method, GET also matches HEAD, any
// other method only itself.
func (p1 *pattern) compareMethods(p2 *pattern) relationship {
	switch {
	case p1.method == p2.method:
		return equivalent
	case p1.method == "":
		return moreGeneral
	case p2.method == "":
		return moreSpecific
	case p1.method == "GET" && p2.method == "HEAD":
		return moreGeneral
	case p2.method == "GET" && p1.method == "HEAD":
		return moreSpecific
	}
	return disjoint
}

func (p1 *pattern) comparePaths(p2 *pattern) relationship {
	multi1 := p1.lastSeg().kind == segMulti
	multi2 := p2.lastSeg().kind == segMulti
	if len(p1.segs) != len(p2.segs) && !multi1 && !multi2 {
		return disjoint
	}
	n := min(len(p1.segs), len(p2.segs))
	rel := equivalent
	for i := 0; i < n; i++ {
		rel = combineRelationships(rel, compareSegments(p1.segs[i], p2.segs[i]))
		if rel == disjoint {
			return rel
		}
	}
	switch {
	case len(p1.segs) == len(p2.segs):
		return rel
	case len(p1.segs) < len(p2.segs) && multi1:
		// p1's final multi covers the rest of p2.
		return combineRelationships(rel, moreGeneral)
	case len(p2.segs) < len(p1.segs) && multi2:
		return combineRelationships(rel, moreSpecific)
	}
	return disjoint
}

// compareSegments: a multi is more general than anything else, a
// wildcard more general than a literal but disjoint from {$}, and
// literals are equal or disjoint.
func compareSegments(s1, s2 segment) relationship {
	m1, m2 := s1.kind == segMulti, s2.kind == segMulti
	w1, w2 := s1.kind == segWild, s2.kind == segWild
	switch {
	case m1 && m2:
		return equivalent
	case m1:
		return moreGeneral
	case m2:
		return moreSpecific
	case w1 && w2:
		return equivalent
	case w1:
		if s2.s == "/" {
			return disjoint
		}
		return moreGeneral
	case w2:
		if s1.s == "/" {
			return disjoint
		}
		return moreSpecific
	case s1.s == s2.s:
		return equivalent
	}
	return disjoint
}

// combineRelationships is the relationship of two patterns whose two
// parts relate as r1 and r2.
func combineRelationships(r1, r2 relationship) relationship {
	switch r1 {
	case equivalent:
		return r2
	case disjoint:
		return disjoint
	case overlaps:
		if r2 == disjoint {
			return disjoint
		}
		return overlaps
	}
	// r1 is moreGeneral or moreSpecific.
	switch r2 {
	case equivalent:
		return r1
	case inverseRelationship(r1):
		return overlaps
	}
	return r2
}

func inverseRelationship(r relationship) relationship {
	switch r {
	case moreSpecific:
		return moreGeneral
	case moreGeneral:
		return moreSpecific
	}
	return r
}

// describeConflict explains why p1 and p2 conflict.
func describeConflict(p1, p2 *pattern) string {
	mrel := p1.compareMethods(p2)
	prel := p1.comparePaths(p2)
	rel := combineRelationships(mrel, prel)
	if rel == equivalent {
		return p1.str + " matches the same requests as " + p2.str
	}
	if prel == overlaps {
		return p1.str + " and " + p2.str + " both match some paths, like " + strconvQuote(commonPath(p1, p2)) + ".\n" +
			"But neither is more specific than the other.\n" +
			p1.str + " matches " + strconvQuote(differencePath(p1, p2)) + ", but " + p2.str + " doesn't.\n" +
			p2.str + " matches " + strconvQuote(differencePath(p2, p1)) + ", but " + p1.str + " doesn't."
	}
	if mrel == moreGeneral && prel == moreSpecific {
		return p1.str + " matches more methods than " + p2.str + ", but has a more specific path pattern"
	}
	if mrel == moreSpecific && prel == moreGeneral {
		return p1.str + " matches fewer methods than " + p2.str + ", but has a more general path pattern"
	}
	return "bug: unexpected way for two patterns " + p1.str + " and " + p2.str + " to conflict: methods " +
		string(mrel) + ", paths " + string(prel)
}

// writeSegment writes a path segment that s matches: a wildcard's name
// stands for any value, a multi or {$} for a final slash.
func writeSegment(b *strings.Builder, s segment) {
	b.WriteByte('/')
	if s.kind != segMulti && s.s != "/" {
		b.WriteString(s.s)
	}
}

func writeMatchingPath(b *strings.Builder, segs []segment) {
	for _, s := range segs {
		writeSegment(b, s)
	}
}

// commonPath is a path both patterns match (they overlap).
func commonPath(p1, p2 *pattern) string {
	var b strings.Builder
	n := min(len(p1.segs), len(p2.segs))
	for i := 0; i < n; i++ {
		// A multi is a wildcard too: p2's segment is a value of it.
		if k := p1.segs[i].kind; k == segWild || k == segMulti {
			writeSegment(&b, p2.segs[i])
		} else {
			writeSegment(&b, p1.segs[i])
		}
	}
	if len(p1.segs) > n {
		writeMatchingPath(&b, p1.segs[n:])
	} else if len(p2.segs) > n {
		writeMatchingPath(&b, p2.segs[n:])
	}
	return b.String()
}

// differencePath is a path p1 matches and p2 does not (one exists).
func differencePath(p1, p2 *pattern) string {
	var b strings.Builder
	n := min(len(p1.segs), len(p2.segs))
	for i := 0; i < n; i++ {
		s1, s2 := p1.segs[i], p2.segs[i]
		m1, m2 := s1.kind == segMulti, s2.kind == segMulti
		w1, w2 := s1.kind == segWild, s2.kind == segWild
		switch {
		case m1 && m2:
			// The rest matches the same paths: the difference came earlier.
			b.WriteByte('/')
			return b.String()
		case m1:
			// A final slash tells them apart, or any segment where p2 has
			// {$} (the wildcard's name if it has one).
			b.WriteByte('/')
			if s2.s == "/" {
				if s1.s != "" {
					b.WriteString(s1.s)
				} else {
					b.WriteString("x")
				}
			}
			return b.String()
		case m2:
			writeSegment(&b, s1)
		case w1 && !w2 && s1.s == s2.s:
			// Any segment but the literal: the literal with an x.
			b.WriteByte('/')
			b.WriteString(s2.s + "x")
		default:
			// A wildcard (its name stands for a value other than p2's
			// literal), or the literal both have.
			writeSegment(&b, s1)
		}
	}
	if len(p1.segs) > n {
		writeMatchingPath(&b, p1.segs[n:])
	} else if len(p2.segs) > n {
		writeMatchingPath(&b, p2.segs[n:])
	}
	return b.String()
}

// strconvQuote is %q of a string.
func strconvQuote(s string) string { return strconv.Quote(s) }

// possibleConflicts lists the registered patterns that may conflict with
// p, in the order Go's routing index visits them: every pattern ending in
// a multi, then (for p ending in {$}) those with {$} at the same place;
// or those with p's literal, then a wildcard, at the position of p's
// literal segments that the fewest patterns share; or, when p has no
// literal, all the rest. A pattern may appear more than once.
func (mux *ServeMux) possibleConflicts(p *pattern) []*pattern {
	var out, rest []*pattern
	for _, q := range mux.patterns {
		if q.lastSeg().kind == segMulti {
			out = append(out, q)
		} else {
			rest = append(rest, q)
		}
	}
	// at lists the patterns of rest with a segment like s at position i.
	at := func(i int, s string, wild bool) []*pattern {
		var ps []*pattern
		for _, q := range rest {
			if i >= len(q.segs) {
				continue
			}
			qs := q.segs[i]
			if wild && qs.kind != segLiteral || !wild && qs.kind == segLiteral && qs.s == s {
				ps = append(ps, q)
			}
		}
		return ps
	}
	if last := p.lastSeg(); last.kind == segLiteral && last.s == "/" {
		return append(out, at(len(p.segs)-1, "/", false)...)
	}
	var lmin, wmin []*pattern
	best := -1
	for i, s := range p.segs {
		if s.kind == segMulti {
			break
		}
		if s.kind != segLiteral {
			continue
		}
		l, w := at(i, s.s, false), at(i, "", true)
		if best < 0 || len(l)+len(w) < best {
			lmin, wmin, best = l, w, len(l)+len(w)
		}
	}
	if best >= 0 {
		out = append(out, lmin...)
		return append(out, wmin...)
	}
	for _, q := range rest {
		for range q.segs {
			out = append(out, q)
		}
	}
	return out
}
