// Package net/url: parsing and printing URLs of every shape, their
// components, queries, escaping and resolving references.
package main

import (
	"fmt"
	"net/url"
)

func main() {
	for _, s := range []string{
		"https://user:p%40ss@example.com:8443/a/b%2Fc/d?x=1&y=two+words#frag%20ment",
		"http://example.com", "http://example.com/", "/items/42?sort=asc", "mailto:joe@example.com",
		"file:///etc/hosts", "//cdn.example.com/lib.js", "relative/path", "a:b", "./a:b", "http://[::1]:8080/x",
		"http://[fe80::1%25en0]:8080/", "http://example.com/?", "*", "http://a b.com/", "http://x.com:port/",
		"%zz", "http://example.com/%", "HTTP://Example.COM/Path", "http://example.com/a?q=%gg", ":foo",
		"http://[::1/", "http://user@host/", "http://ex.com/a b", "http://ex.com/a%20b", "http://host/p?a=1#",
		"1http://x", "x\ny",
	} {
		u, err := url.Parse(s)
		if err != nil {
			fmt.Printf("%q: error %v\n", s, err)
			continue
		}
		pw, has := u.User.Password()
		fmt.Printf("%q: scheme=%q opaque=%q user=%q pw=%q/%v host=%q path=%q raw=%q q=%q frag=%q omit=%v force=%v\n   -> %s | %s | %s %s abs=%v\n",
			s, u.Scheme, u.Opaque, u.User.Username(), pw, has, u.Host, u.Path, u.RawPath, u.RawQuery, u.Fragment, u.OmitHost, u.ForceQuery,
			u.String(), u.RequestURI(), u.Hostname(), u.Port(), u.IsAbs())
	}
	for _, s := range []string{"/a/b?c=d", "http://x.com/y", "", "foo", "*", "//x/y"} {
		u, err := url.ParseRequestURI(s)
		fmt.Println(u, err)
	}
	q, err := url.ParseQuery("a=1&b=2&a=3&c&d=%41&e=x+y&&f=%zz&g=1;h=2")
	fmt.Println(len(q), q["a"], q.Get("b"), q.Get("c"), q.Has("c"), q.Get("d"), q.Get("e"), q.Has("f"), err)
	v := url.Values{}
	v.Set("name", "Ava Smith")
	v.Add("friend", "Jess")
	v.Add("friend", "Sarah & Zoe")
	v.Set("z", "/?")
	fmt.Println(v.Encode())
	v.Del("z")
	fmt.Println(v.Encode(), url.Values{}.Encode() == "")
	fmt.Println(url.QueryEscape("a b/c?d=e&f+g"), url.PathEscape("a b/c?d;e"))
	for _, s := range []string{"a+b%20c", "%41%42", "bad%", "bad%4", "%G1"} {
		a, e1 := url.QueryUnescape(s)
		b, e2 := url.PathUnescape(s)
		fmt.Printf("%q %v | %q %v\n", a, e1, b, e2)
	}
	base, _ := url.Parse("http://a/b/c/d;p?q")
	for _, r := range []string{"g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g", "../../../g", ".", "", "g;x", "http:h"} {
		u, err := base.Parse(r)
		fmt.Println(r, "->", u, err)
	}
	j, err := url.JoinPath("https://example.com/a/", "b", "../c", "d/")
	fmt.Println(j, err)
	u, _ := url.Parse("https://bob:secret@example.com/x")
	fmt.Println(u.Redacted(), url.UserPassword("a b", "c:d").String(), url.User("x@y"))
	u = &url.URL{Scheme: "https", Host: "example.com", Path: "/a b", RawQuery: "x=1", Fragment: "f g"}
	fmt.Println(u, u.EscapedPath(), u.EscapedFragment())
	fmt.Println((&url.URL{Path: "a:b"}).String(), (&url.URL{Path: "x", Host: "h"}).String())
	e := &url.Error{Op: "Get", URL: "http://x", Err: url.EscapeError("%")}
	fmt.Println(e, e.Timeout(), url.InvalidHostError("<"))
}
