// Links and ownership: Symlink, Readlink (also of a long target), Link,
// SameFile (through Stat, Lstat and ReadDir), Lstat of a link, Chtimes
// (with a zero Time leaving one time alone), Chown, Lchown and File.Chown
// to the current owner, Getgroups, UserCacheDir and UserConfigDir, and
// the errors of each. Everything happens in a temporary directory that
// the program removes.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

var base string

func show(what string, err error) {
	if err == nil {
		fmt.Println(what, "<nil>")
		return
	}
	fmt.Println(what, strings.ReplaceAll(err.Error(), base, "BASE"))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	var err error
	base, err = os.MkdirTemp("", "gol-links-*")
	check(err)
	defer os.RemoveAll(base)
	file := base + "/file.txt"
	check(os.WriteFile(file, []byte("content"), 0644))

	show("symlink:", os.Symlink("file.txt", base+"/link"))
	show("symlink again:", os.Symlink("file.txt", base+"/link"))
	var le *os.LinkError
	err = os.Symlink("x", base+"/missing/link")
	fmt.Println(errors.As(err, &le), le.Op, os.IsNotExist(err))
	target, err := os.Readlink(base + "/link")
	fmt.Printf("readlink %q %v\n", target, err)
	long := strings.Repeat("abcdefghij/", 30) + "end"
	check(os.Symlink(long, base+"/long"))
	target, err = os.Readlink(base + "/long")
	fmt.Println("long target", target == long, len(target), err)
	_, err = os.Readlink(file)
	show("readlink of a file:", err)
	_, err = os.Readlink(base + "/nope")
	show("readlink missing:", err)

	li, _ := os.Lstat(base + "/link")
	fmt.Println("lstat", li.Name(), li.Mode()&os.ModeSymlink != 0, li.Mode().Type() == os.ModeSymlink)
	si, _ := os.Stat(base + "/link")
	fi, _ := os.Stat(file)
	fmt.Println("stat through the link", si.Name(), si.Size(), si.Mode().IsRegular())
	fmt.Println("SameFile", os.SameFile(si, fi), os.SameFile(li, fi), os.SameFile(fi, fi), os.SameFile(nil, fi))

	show("link:", os.Link(file, base+"/hard"))
	show("link again:", os.Link(file, base+"/hard"))
	show("link missing:", os.Link(base+"/nope", base+"/hard2"))
	hi, _ := os.Stat(base + "/hard")
	fmt.Println("hard link is the same file", os.SameFile(hi, fi))
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Println(" ", e.Name(), e.Type(), os.SameFile(info, fi))
	}

	// Chtimes: both, then only the modification time.
	at := time.Unix(1000000000, 123456789)
	mt := time.Unix(1500000000, 0)
	show("chtimes:", os.Chtimes(file, at, mt))
	fi, _ = os.Stat(file)
	fmt.Println(fi.ModTime().Unix(), fi.ModTime().Nanosecond())
	show("chtimes mtime only:", os.Chtimes(file, time.Time{}, time.Unix(1600000000, 5)))
	fi, _ = os.Stat(file)
	fmt.Println(fi.ModTime().Unix(), fi.ModTime().Nanosecond())
	show("chtimes zero:", os.Chtimes(file, time.Time{}, time.Time{}))
	fi, _ = os.Stat(file)
	fmt.Println(fi.ModTime().Unix())
	show("chtimes missing:", os.Chtimes(base+"/nope", at, mt))
	show("chtimes through link:", os.Chtimes(base+"/link", at, time.Unix(1700000000, 0)))
	fi, _ = os.Stat(file)
	fmt.Println(fi.ModTime().Unix())

	// Ownership: to the current owner, which is always allowed.
	uid, gid := os.Getuid(), os.Getgid()
	show("chown:", os.Chown(file, uid, gid))
	show("chown -1:", os.Chown(file, -1, -1))
	show("lchown:", os.Lchown(base+"/link", uid, -1))
	show("chown missing:", os.Chown(base+"/nope", uid, gid))
	show("lchown missing:", os.Lchown(base+"/nope", uid, gid))
	f, _ := os.Open(file)
	show("file chown:", f.Chown(uid, gid))
	f.Close()
	show("closed file chown:", f.Chown(uid, gid))

	// File.Stat describes the open file even after a rename and a remove.
	tf, err := os.Create(base + "/temp.txt")
	check(err)
	tf.WriteString("12345")
	check(os.Rename(base+"/temp.txt", base+"/moved.txt"))
	st, err := tf.Stat()
	fmt.Println("after rename:", st.Name(), st.Size(), err)
	mi, _ := os.Stat(base + "/moved.txt")
	fmt.Println("same file:", os.SameFile(st, mi))
	check(os.Remove(base + "/moved.txt"))
	st, err = tf.Stat()
	fmt.Println("after remove:", st.Name(), st.Size(), st.Mode().IsRegular(), err)
	tf.Close()
	_, err = tf.Stat()
	show("closed stat:", err)
	d, _ := os.Open(base)
	st, _ = d.Stat()
	fmt.Println("directory:", st.IsDir(), st.Mode().Type() == os.ModeDir)
	d.Close()

	// A path with a NUL byte cannot reach the system: EINVAL everywhere.
	nul := base + "/a\x00b"
	_, e1 := os.Stat(nul)
	_, e2 := os.Lstat(nul)
	_, e3 := os.ReadFile(nul)
	_, e4 := os.ReadDir(nul)
	_, e5 := os.Readlink(nul)
	_, e6 := os.Open(nul)
	for _, e := range []error{
		e1, e2, e3, e4, e5, e6, os.WriteFile(nul, nil, 0644), os.Remove(nul), os.Mkdir(nul, 0755),
		os.MkdirAll(nul+"/c", 0755), os.Chmod(nul, 0644), os.Truncate(nul, 0), os.Chdir(nul),
		os.Rename(nul, base+"/x"), os.Symlink("t", nul), os.Link(file, nul), os.Chown(nul, -1, -1),
		os.Chtimes(nul, time.Time{}, time.Time{}),
	} {
		fmt.Printf("%q\n", strings.ReplaceAll(fmt.Sprint(e), base, "BASE"))
	}

	groups, err := os.Getgroups()
	valid := true
	for _, g := range groups {
		valid = valid && g >= 0
	}
	fmt.Println("getgroups", valid, err)

	home := os.Getenv("HOME")
	os.Setenv("HOME", "/home/someone")
	os.Setenv("XDG_CACHE_HOME", "")
	os.Setenv("XDG_CONFIG_HOME", "")
	fmt.Println(os.UserCacheDir())
	fmt.Println(os.UserConfigDir())
	os.Setenv("XDG_CACHE_HOME", "/xdg/cache")
	os.Setenv("XDG_CONFIG_HOME", "relative/config")
	fmt.Println(os.UserCacheDir())
	fmt.Println(os.UserConfigDir())
	os.Unsetenv("HOME")
	os.Unsetenv("XDG_CACHE_HOME")
	os.Unsetenv("XDG_CONFIG_HOME")
	fmt.Println(os.UserCacheDir())
	fmt.Println(os.UserConfigDir())
	os.Setenv("HOME", home)
}
