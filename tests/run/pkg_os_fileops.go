// File offsets and metadata: Seek with io.SeekStart/Current/End, ReadAt
// (io.EOF at the end, the offset untouched, from several goroutines at
// once), WriteAt (holes, O_APPEND refused), File.Truncate and os.Truncate,
// Sync, File.Chmod and os.Chmod, Rename (*LinkError), Chdir, File.Chdir
// and Getwd, and the errors of each on bad arguments, missing paths and
// closed or nil files. Everything happens in a temporary directory that
// the program removes.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

var base string

// show prints an error with the temporary directory's name replaced.
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

func size(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return -1
	}
	return fi.Size()
}

func main() {
	var err error
	base, err = os.MkdirTemp("", "gol-fileops-*")
	check(err)
	defer os.RemoveAll(base)

	name := base + "/data.txt"
	f, err := os.Create(name)
	check(err)
	n, err := f.WriteString("hello, world\n")
	fmt.Println("write", n, err)

	// Seek from each origin; a new offset past the end is allowed.
	cases := []struct {
		off    int64
		whence int
	}{
		{0, io.SeekStart}, {7, io.SeekStart}, {-3, io.SeekCurrent},
		{2, io.SeekCurrent}, {-6, io.SeekEnd}, {0, io.SeekEnd},
		{100, io.SeekStart}, {0, io.SeekCurrent},
	}
	for _, c := range cases {
		pos, err := f.Seek(c.off, c.whence)
		fmt.Println("seek", c.off, c.whence, "->", pos, err)
	}
	buf := make([]byte, 5)
	n, err = f.Read(buf)
	fmt.Println("read past end", n, err == io.EOF)
	pos, err := f.Seek(-1, io.SeekStart)
	show(fmt.Sprint("seek -1: ", pos), err)
	_, err = f.Seek(0, 7)
	show("seek whence 7:", err)
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, os.ErrInvalid))

	f.Seek(7, io.SeekStart)
	n, err = f.Read(buf)
	fmt.Printf("read at 7: %d %q %v\n", n, buf[:n], err)

	// ReadAt: whole, short at the end, at the end, past the end, negative.
	for _, off := range []int64{0, 4, 10, 13, 100} {
		b := make([]byte, 5)
		n, err := f.ReadAt(b, off)
		fmt.Printf("readat %d: %d %q eof=%v err=%v\n", off, n, b[:n], err == io.EOF, err)
	}
	_, err = f.ReadAt(buf, -1)
	show("readat -1:", err)
	cur, _ := f.Seek(0, io.SeekCurrent)
	fmt.Println("offset after ReadAt", cur)
	n, err = f.ReadAt(nil, 1000)
	fmt.Println("readat empty", n, err)

	// Several goroutines read disjoint pieces at once.
	var wg sync.WaitGroup
	parts := make([]string, 4)
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := make([]byte, 3)
			n, err := f.ReadAt(b, int64(i*3))
			parts[i] = fmt.Sprintf("%q/%v", b[:n], err)
		}()
	}
	wg.Wait()
	fmt.Println("parallel", parts)

	// WriteAt: over the start, then past the end (a hole of zeros).
	n, err = f.WriteAt([]byte("HELLO"), 0)
	fmt.Println("writeat 0", n, err)
	n, err = f.WriteAt([]byte("!!"), 20)
	fmt.Println("writeat 20", n, err, "size", size(name))
	_, err = f.WriteAt([]byte("x"), -5)
	show("writeat -5:", err)
	data, _ := os.ReadFile(name)
	fmt.Printf("%q\n", data)
	cur, _ = f.Seek(0, io.SeekCurrent)
	fmt.Println("offset after WriteAt", cur)

	// Truncate shrinks and grows; the offset stays where it was.
	fmt.Println("truncate 5", f.Truncate(5), size(name))
	fmt.Println("truncate 8", f.Truncate(8), size(name))
	show("truncate -1:", f.Truncate(-1))
	data, _ = os.ReadFile(name)
	fmt.Printf("%q\n", data)
	fmt.Println("os.Truncate 3", os.Truncate(name, 3), size(name))
	err = os.Truncate(base+"/missing", 0)
	show("os.Truncate missing:", err)
	fmt.Println(os.IsNotExist(err), errors.Is(err, os.ErrNotExist))
	show("os.Truncate dir:", os.Truncate(base, 0))
	fmt.Println("sync", f.Sync())

	// Chmod on the file and by name; the type bits stay.
	fmt.Println("chmod 0600", f.Chmod(0600))
	fi, _ := os.Stat(name)
	fmt.Println(fi.Mode())
	fmt.Println("os.Chmod 0640", os.Chmod(name, 0640))
	fi, _ = os.Stat(name)
	fmt.Println(fi.Mode(), fi.Mode().Perm())
	check(os.Mkdir(base+"/sub", 0755))
	fmt.Println("os.Chmod sticky", os.Chmod(base+"/sub", 0700|os.ModeSticky))
	fi, _ = os.Stat(base + "/sub")
	fmt.Println(fi.Mode())
	show("os.Chmod missing:", os.Chmod(base+"/missing", 0644))

	// Everything on a closed file, and on a nil one.
	fmt.Println("close", f.Close())
	_, err = f.Seek(0, io.SeekStart)
	show("closed seek:", err)
	fmt.Println(errors.Is(err, os.ErrClosed))
	_, err = f.ReadAt(buf, 0)
	show("closed readat:", err)
	_, err = f.WriteAt(buf, 0)
	show("closed writeat:", err)
	show("closed truncate:", f.Truncate(0))
	show("closed sync:", f.Sync())
	show("closed chmod:", f.Chmod(0644))
	show("closed chdir:", f.Chdir())
	var nf *os.File
	_, err = nf.Seek(0, 0)
	show("nil seek:", err)
	fmt.Println(err == os.ErrInvalid)
	_, err = nf.ReadAt(buf, 0)
	show("nil readat:", err)
	show("nil sync:", nf.Sync())

	// WriteAt on an O_APPEND file, and on a file opened read-only.
	af, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	check(err)
	_, err = af.WriteAt([]byte("x"), 0)
	show("append writeat:", err)
	af.Close()
	rf, err := os.Open(name)
	check(err)
	_, err = rf.WriteAt([]byte("x"), 0)
	show("read-only writeat:", err)
	show("read-only truncate:", rf.Truncate(0))
	rf.Close()

	// Rename: a file, a missing file, onto a directory.
	fmt.Println("rename", os.Rename(name, base+"/renamed.txt"))
	_, err = os.Stat(name)
	fmt.Println("old gone", os.IsNotExist(err), "new size", size(base+"/renamed.txt"))
	err = os.Rename(base+"/nope", base+"/x")
	show("rename missing:", err)
	var le *os.LinkError
	fmt.Println(errors.As(err, &le), le.Op, errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	fmt.Println(strings.ReplaceAll(le.Old, base, "BASE"), strings.ReplaceAll(le.New, base, "BASE"))
	show("rename onto dir:", os.Rename(base+"/renamed.txt", base+"/sub"))
	fmt.Println(os.IsExist(os.Rename(base+"/renamed.txt", base+"/sub")))
	show("rename missing onto dir:", os.Rename(base+"/nope", base+"/sub"))
	show("rename dir onto itself:", os.Rename(base+"/sub", base+"/sub"))
	fmt.Println("rename dir", os.Rename(base+"/sub", base+"/sub2"))
	check(os.WriteFile(base+"/other.txt", []byte("other"), 0644))
	fmt.Println("rename over file", os.Rename(base+"/other.txt", base+"/renamed.txt"))
	data, _ = os.ReadFile(base + "/renamed.txt")
	fmt.Printf("%q\n", data)

	// The working directory.
	orig, err := os.Getwd()
	check(err)
	fmt.Println("chdir", os.Chdir(base))
	wd, err := os.Getwd()
	fmt.Println("getwd ends with the temp dir:", strings.HasSuffix(wd, base[strings.LastIndex(base, "/"):]), err)
	data, err = os.ReadFile("renamed.txt")
	fmt.Printf("relative read %q %v\n", data, err)
	show("chdir missing:", os.Chdir("missing"))
	show("chdir file:", os.Chdir("renamed.txt"))
	d, err := os.Open("sub2")
	check(err)
	fmt.Println("file chdir", d.Chdir())
	d.Close()
	wd, _ = os.Getwd()
	fmt.Println("now in sub2:", strings.HasSuffix(wd, "/sub2"))
	fmt.Println("back", os.Chdir(orig))
	wd, _ = os.Getwd()
	fmt.Println("same as at the start:", wd == orig)
}
