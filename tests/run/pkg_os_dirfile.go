// A directory read through its File (ReadDir, Readdir, Readdirnames in
// chunks of n, io.EOF, Seek back to the start, a closed file, a regular
// file), File.ReadFrom and WriteTo under io.Copy (also into os.Stdout),
// CreateTemp and MkdirTemp with their errors, SetDeadline on a file,
// Expand/ExpandEnv, IsTimeout, PathError.Timeout, IsPathSeparator,
// UserHomeDir, the process's ids and Hostname, Executable. Directory
// orders are the system's: the program sorts what it prints. Everything
// happens in a temporary directory that the program removes.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
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

type timeoutErr struct{ t bool }

func (e timeoutErr) Error() string { return "timeout?" }
func (e timeoutErr) Timeout() bool { return e.t }

// slowReader hands out its text a few bytes at a time.
type slowReader struct{ s string }

func (r *slowReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 3)], r.s)
	r.s = r.s[n:]
	return n, nil
}

func main() {
	var err error
	base, err = os.MkdirTemp("", "gol-dirfile-*")
	check(err)
	defer os.RemoveAll(base)
	for _, n := range []string{"c.txt", "a.txt", "b.txt", "e.txt", "d.txt"} {
		check(os.WriteFile(base+"/"+n, []byte(n), 0644))
	}
	check(os.Mkdir(base+"/sub", 0755))

	d, err := os.Open(base)
	check(err)
	var all []string
	for {
		names, err := d.Readdirnames(2)
		fmt.Println("chunk", len(names), err)
		all = append(all, names...)
		if err != nil {
			break
		}
	}
	sort.Strings(all)
	fmt.Println(all)
	names, err := d.Readdirnames(0)
	fmt.Println("after the end:", names, names != nil, err)

	pos, err := d.Seek(0, io.SeekStart)
	fmt.Println("seek", pos, err)
	entries, err := d.ReadDir(-1)
	fmt.Println("ReadDir(-1)", len(entries), err)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		info, ierr := e.Info()
		fmt.Println(" ", e.Name(), e.IsDir(), e.Type(), info.Size() > 0, ierr, e)
	}
	entries, err = d.ReadDir(3)
	fmt.Println("ReadDir(3) at the end", entries, entries != nil, err == io.EOF)

	d.Seek(0, io.SeekStart)
	infos, err := d.Readdir(4)
	fmt.Println("Readdir(4)", len(infos), err)
	more, err := d.Readdir(0)
	fmt.Println("Readdir(0)", len(more), err)
	infos = append(infos, more...)
	sort.Slice(infos, func(i, j int) bool { return infos[i].Name() < infos[j].Name() })
	for _, fi := range infos {
		fmt.Println(" ", fi.Name(), fi.Size(), fi.IsDir(), fi.Mode().IsRegular())
	}
	check(d.Close())
	_, err = d.Readdirnames(1)
	show("closed:", err)
	_, err = d.ReadDir(0)
	show("closed ReadDir:", err)
	var nf *os.File
	_, err = nf.ReadDir(1)
	fmt.Println("nil:", err)

	f, err := os.Open(base + "/a.txt")
	check(err)
	_, err = f.Readdirnames(1)
	show("regular file:", err)
	show("SetDeadline:", f.SetDeadline(time.Now()))
	show("SetReadDeadline:", f.SetReadDeadline(time.Time{}))
	show("SetWriteDeadline:", f.SetWriteDeadline(time.Now()))
	fmt.Println(errors.Is(f.SetDeadline(time.Now()), os.ErrNoDeadline))

	// WriteTo and ReadFrom, through io.Copy.
	n, err := io.Copy(os.Stdout, f)
	fmt.Println("\ncopied to stdout", n, err)
	f.Seek(0, io.SeekStart)
	var sb strings.Builder
	n, err = f.WriteTo(&sb)
	fmt.Println("WriteTo", n, err, sb.String())
	f.Close()
	show("closed SetDeadline:", f.SetDeadline(time.Now()))
	_, err = f.WriteTo(&sb)
	show("closed WriteTo:", err)

	out, err := os.Create(base + "/out.txt")
	check(err)
	n, err = out.ReadFrom(&slowReader{"read from a slow reader\n"})
	fmt.Println("ReadFrom", n, err)
	in, _ := os.Open(base + "/b.txt")
	n, err = io.Copy(out, in)
	fmt.Println("file to file", n, err)
	in.Close()
	n, err = io.Copy(os.Stdout, &slowReader{"slow reader to stdout\n"})
	fmt.Println(n, err)
	out.Close()
	_, err = out.ReadFrom(strings.NewReader("x"))
	show("closed ReadFrom:", err)
	data, _ := os.ReadFile(base + "/out.txt")
	fmt.Printf("%q\n", data)

	// Temporary files and directories.
	tf, err := os.CreateTemp(base, "tmp-*.txt")
	check(err)
	name := tf.Name()
	fmt.Println(strings.HasPrefix(name, base+"/tmp-"), strings.HasSuffix(name, ".txt"))
	fi, _ := tf.Stat()
	fmt.Println(fi.Mode(), fi.Size())
	tf.WriteString("temp")
	tf.Close()
	tf2, err := os.CreateTemp(base+"/", "plain")
	check(err)
	fmt.Println(strings.HasPrefix(tf2.Name(), base+"/plain"), tf2.Name() != name)
	tf2.Close()
	_, err = os.CreateTemp(base, "a/b*")
	show("CreateTemp separator:", err)
	_, err = os.CreateTemp(base+"/missing", "x*")
	var pe0 *os.PathError
	fmt.Println("CreateTemp missing dir:", errors.As(err, &pe0), pe0.Op, strings.HasPrefix(pe0.Path, base+"/missing/x"), pe0.Err, os.IsNotExist(err))
	_, err = os.MkdirTemp(base, "a/b*")
	show("MkdirTemp separator:", err)
	_, err = os.MkdirTemp(base+"/missing", "x*")
	show("MkdirTemp missing dir:", err)
	td, err := os.MkdirTemp(base+"/", "dir*suffix")
	fmt.Println(strings.HasPrefix(td, base+"/dir"), strings.HasSuffix(td, "suffix"), err)

	// Environment expansion.
	os.Setenv("GOL_A", "alpha")
	os.Setenv("GOL_EMPTY", "")
	for _, s := range []string{
		"$GOL_A", "${GOL_A}x", "$GOL_Ax", "a$GOL_A-b", "$", "x$", "$$", "${}", "${GOL_A", "$ GOL_A", "${GOL_EMPTY}!", "$1$#$*", "${@}", "no dollars",
		"$GOL_MISSING.", "${a b}",
	} {
		fmt.Printf("%q -> %q / %q\n", s, os.ExpandEnv(s), os.Expand(s, func(v string) string { return "<" + v + ">" }))
	}

	// Timeouts and small helpers.
	fmt.Println(os.IsTimeout(nil), os.IsTimeout(timeoutErr{true}), os.IsTimeout(timeoutErr{false}))
	pe := &os.PathError{Op: "read", Path: "p", Err: timeoutErr{true}}
	fmt.Println(pe.Timeout(), os.IsTimeout(pe), (&os.PathError{Op: "x", Path: "y", Err: errors.New("z")}).Timeout())
	fmt.Println(os.IsTimeout(os.NewSyscallError("read", timeoutErr{true})), os.IsTimeout(os.ErrDeadlineExceeded))
	fmt.Println(os.IsTimeout(&os.LinkError{Op: "a", Old: "b", New: "c", Err: timeoutErr{true}}))
	fmt.Println(os.IsTimeout(fmt.Errorf("wrapped: %w", timeoutErr{true})))
	fmt.Println(os.IsNotExist(os.NewSyscallError("open", os.ErrNotExist)))
	fmt.Println(os.IsPathSeparator('/'), os.IsPathSeparator('\\'), os.IsPathSeparator('a'))

	home := os.Getenv("HOME")
	h, err := os.UserHomeDir()
	fmt.Println(h == home, err)
	os.Unsetenv("HOME")
	h, err = os.UserHomeDir()
	fmt.Printf("%q %v\n", h, err)
	os.Setenv("HOME", home)

	fmt.Println(os.Getuid() >= 0, os.Geteuid() >= 0, os.Getgid() >= 0, os.Getegid() >= 0)
	fmt.Println(os.Getppid() > 0, os.Getppid() != os.Getpid(), os.Getpagesize()%4096 == 0)
	host, err := os.Hostname()
	fmt.Println(host != "", err)
	exe, err := os.Executable()
	fmt.Println(strings.HasPrefix(exe, "/"), err)

	os.Setenv("GOL_CLEAR", "1")
	saved := os.Environ()
	os.Clearenv()
	fmt.Println(len(os.Environ()), os.Getenv("GOL_CLEAR") == "")
	for _, kv := range saved {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v)
	}
	fmt.Println(os.Getenv("GOL_CLEAR"), len(os.Environ()) == len(saved))
}
