// Package fs: the interfaces and types of file systems (FileInfo,
// DirEntry, FileMode, PathError, the portable errors) and the functions
// over any FS (ReadFile, ReadDir, Stat, Lstat, ReadLink, Sub, Glob,
// WalkDir), in Go as Go writes them: each uses the FS's own method when it
// has one, and Open otherwise. The os package's types are aliases of
// these, as in Go, and os.DirFS is an FS of the host's files.
package fs

import (
	"errors"
	"io"
	"path"
	"slices"
	"time"
)

// Generic file system errors.
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// SkipDir, returned by a WalkDirFunc, skips the directory (or the rest
// of the entry's directory).
var SkipDir = errors.New("skip this directory")

// SkipAll, returned by a WalkDirFunc, skips everything left.
var SkipAll = errors.New("skip everything and stop the walk")

// An FS provides access to a hierarchical file system.
type FS interface {
	Open(name string) (File, error)
}

// A File provides access to a single file.
type File interface {
	Stat() (FileInfo, error)
	Read([]byte) (int, error)
	Close() error
}

// A ReadDirFile is a directory file whose entries can be read.
type ReadDirFile interface {
	File
	ReadDir(n int) ([]DirEntry, error)
}

// ReadDirFS is an FS that lists directories itself.
type ReadDirFS interface {
	FS
	ReadDir(name string) ([]DirEntry, error)
}

// ReadFileFS is an FS that reads whole files itself.
type ReadFileFS interface {
	FS
	ReadFile(name string) ([]byte, error)
}

// StatFS is an FS with a Stat method.
type StatFS interface {
	FS
	Stat(name string) (FileInfo, error)
}

// ValidPath reports whether name is a valid path for Open: unrooted,
// slash-separated, without empty, "." or ".." elements (but "." alone).
func ValidPath(name string) bool {
	if name == "." {
		return true
	}
	for {
		i := 0
		for i < len(name) && name[i] != '/' {
			i++
		}
		elem := name[:i]
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}

// The file mode bits.
const (
	ModeDir        FileMode = 1 << 31
	ModeAppend     FileMode = 1 << 30
	ModeExclusive  FileMode = 1 << 29
	ModeTemporary  FileMode = 1 << 28
	ModeSymlink    FileMode = 1 << 27
	ModeDevice     FileMode = 1 << 26
	ModeNamedPipe  FileMode = 1 << 25
	ModeSocket     FileMode = 1 << 24
	ModeSetuid     FileMode = 1 << 23
	ModeSetgid     FileMode = 1 << 22
	ModeCharDevice FileMode = 1 << 21
	ModeSticky     FileMode = 1 << 20
	ModeIrregular  FileMode = 1 << 19

	ModeType = ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular

	ModePerm FileMode = 0o777
)

// A FileMode is a file's mode and permission bits.
type FileMode uint32

func (m FileMode) IsDir() bool { return m&ModeDir != 0 }

func (m FileMode) IsRegular() bool { return m&ModeType == 0 }

func (m FileMode) Perm() FileMode { return m & ModePerm }

// String is ls's notation: the type and mode letters ("dalTLDpSugct?")
// or "-", then rwx for owner, group and others.
func (m FileMode) String() string {
	const str = "dalTLDpSugct?"
	var buf [32]byte
	w := 0
	for i, c := range str {
		if m&(1<<uint(32-1-i)) != 0 {
			buf[w] = byte(c)
			w++
		}
	}
	if w == 0 {
		buf[w] = '-'
		w++
	}
	const rwx = "rwxrwxrwx"
	for i, c := range rwx {
		if m&(1<<uint(9-1-i)) != 0 {
			buf[w] = byte(c)
		} else {
			buf[w] = '-'
		}
		w++
	}
	return string(buf[:w])
}

func (m FileMode) Type() FileMode { return m & ModeType }

// A PathError records an error and the operation and file path that
// caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string {
	return e.Op + " " + e.Path + ": " + e.Err.Error()
}

func (e *PathError) Unwrap() error { return e.Err }

// Timeout reports whether the wrapped error is a timeout.
func (e *PathError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// A FileInfo describes a file.
type FileInfo interface {
	Name() string
	Size() int64
	Mode() FileMode
	ModTime() time.Time
	IsDir() bool
	Sys() any
}

// A DirEntry is an entry read from a directory.
type DirEntry interface {
	Name() string
	IsDir() bool
	Type() FileMode
	Info() (FileInfo, error)
}

// WalkDirFunc is the type of the function WalkDir calls for each file or
// directory.
type WalkDirFunc func(path string, d DirEntry, err error) error

// ReadLinkFS is an FS that reads symbolic links.
type ReadLinkFS interface {
	FS
	ReadLink(name string) (string, error)
	Lstat(name string) (FileInfo, error)
}

// GlobFS is an FS with its own Glob.
type GlobFS interface {
	FS
	Glob(pattern string) ([]string, error)
}

// SubFS is an FS with its own Sub.
type SubFS interface {
	FS
	Sub(dir string) (FS, error)
}

// ReadFile reads the named file of fsys whole: by fsys's ReadFile if it
// has one, else by Open and reads to EOF.
func ReadFile(fsys FS, name string) ([]byte, error) {
	if rf, ok := fsys.(ReadFileFS); ok {
		return rf.ReadFile(name)
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	size := 0
	if info, err := file.Stat(); err == nil {
		if n := info.Size(); int64(int(n)) == n {
			size = int(n)
		}
	}
	data := make([]byte, 0, size+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
	}
}

// ReadDir reads the named directory of fsys, sorted by name.
func ReadDir(fsys FS, name string) ([]DirEntry, error) {
	if rd, ok := fsys.(ReadDirFS); ok {
		return rd.ReadDir(name)
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(ReadDirFile)
	if !ok {
		return nil, &PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	list, err := dir.ReadDir(-1)
	slices.SortFunc(list, func(a, b DirEntry) int {
		switch an, bn := a.Name(), b.Name(); {
		case an < bn:
			return -1
		case an > bn:
			return 1
		}
		return 0
	})
	return list, err
}

// Stat returns the FileInfo of the named file of fsys.
func Stat(fsys FS, name string) (FileInfo, error) {
	if sf, ok := fsys.(StatFS); ok {
		return sf.Stat(name)
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return file.Stat()
}

// ReadLink returns the target of the named symbolic link; an FS that
// is not a ReadLinkFS gives ErrInvalid.
func ReadLink(fsys FS, name string) (string, error) {
	sym, ok := fsys.(ReadLinkFS)
	if !ok {
		return "", &PathError{Op: "readlink", Path: name, Err: ErrInvalid}
	}
	return sym.ReadLink(name)
}

// Lstat is Stat without following a final symbolic link, where fsys
// knows links (a ReadLinkFS); Stat otherwise.
func Lstat(fsys FS, name string) (FileInfo, error) {
	if sym, ok := fsys.(ReadLinkFS); ok {
		return sym.Lstat(name)
	}
	return Stat(fsys, name)
}

// Sub returns the FS rooted at fsys's directory dir.
func Sub(fsys FS, dir string) (FS, error) {
	if !ValidPath(dir) {
		return nil, &PathError{Op: "sub", Path: dir, Err: ErrInvalid}
	}
	if dir == "." {
		return fsys, nil
	}
	if sf, ok := fsys.(SubFS); ok {
		return sf.Sub(dir)
	}
	return &subFS{fsys, dir}, nil
}

// subFS is fsys seen from its directory dir: names are joined to dir on
// the way in, and paths in errors shortened back on the way out.
type subFS struct {
	fsys FS
	dir  string
}

func (f *subFS) fullName(op string, name string) (string, error) {
	if !ValidPath(name) {
		return "", &PathError{Op: op, Path: name, Err: ErrInvalid}
	}
	return path.Join(f.dir, name), nil
}

// shorten is name relative to dir, if it is inside it.
func (f *subFS) shorten(name string) (rel string, ok bool) {
	if name == f.dir {
		return ".", true
	}
	if len(name) >= len(f.dir)+2 && name[len(f.dir)] == '/' && name[:len(f.dir)] == f.dir {
		return name[len(f.dir)+1:], true
	}
	return "", false
}

func (f *subFS) fixErr(err error) error {
	if e, ok := err.(*PathError); ok {
		if short, ok := f.shorten(e.Path); ok {
			e.Path = short
		}
	}
	return err
}

func (f *subFS) Open(name string) (File, error) {
	full, err := f.fullName("open", name)
	if err != nil {
		return nil, err
	}
	file, err := f.fsys.Open(full)
	return file, f.fixErr(err)
}

func (f *subFS) ReadDir(name string) ([]DirEntry, error) {
	full, err := f.fullName("read", name)
	if err != nil {
		return nil, err
	}
	dir, err := ReadDir(f.fsys, full)
	return dir, f.fixErr(err)
}

func (f *subFS) ReadFile(name string) ([]byte, error) {
	full, err := f.fullName("read", name)
	if err != nil {
		return nil, err
	}
	data, err := ReadFile(f.fsys, full)
	return data, f.fixErr(err)
}

func (f *subFS) ReadLink(name string) (string, error) {
	full, err := f.fullName("readlink", name)
	if err != nil {
		return "", err
	}
	target, err := ReadLink(f.fsys, full)
	if err != nil {
		return "", f.fixErr(err)
	}
	return target, nil
}

func (f *subFS) Lstat(name string) (FileInfo, error) {
	full, err := f.fullName("lstat", name)
	if err != nil {
		return nil, err
	}
	info, err := Lstat(f.fsys, full)
	if err != nil {
		return nil, f.fixErr(err)
	}
	return info, nil
}

func (f *subFS) Glob(pattern string) ([]string, error) {
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, err
	}
	if pattern == "." {
		return []string{"."}, nil
	}
	list, err := Glob(f.fsys, f.dir+"/"+pattern)
	for i, name := range list {
		short, ok := f.shorten(name)
		if !ok {
			return nil, errors.New("invalid result from inner fsys Glob: " + name + " not in " + f.dir)
		}
		list[i] = short
	}
	return list, f.fixErr(err)
}

func (f *subFS) Sub(dir string) (FS, error) {
	if dir == "." {
		return f, nil
	}
	full, err := f.fullName("sub", dir)
	if err != nil {
		return nil, err
	}
	return &subFS{f.fsys, full}, nil
}

// Glob returns the names in fsys matching pattern (path.Match's syntax),
// nil when none; the only error is path.ErrBadPattern.
func Glob(fsys FS, pattern string) (matches []string, err error) {
	return globDepth(fsys, pattern, 0)
}

// globDepth is Glob with a bound on the directory levels the pattern
// recurses through (Go's 10000).
func globDepth(fsys FS, pattern string, depth int) (matches []string, err error) {
	if depth > 10000 {
		return nil, path.ErrBadPattern
	}
	if gf, ok := fsys.(GlobFS); ok {
		return gf.Glob(pattern)
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err = Stat(fsys, pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := path.Split(pattern)
	if dir == "" {
		dir = "."
	} else {
		dir = dir[:len(dir)-1]
	}
	if !hasMeta(dir) {
		return globIn(fsys, dir, file, nil)
	}
	if dir == pattern {
		return nil, path.ErrBadPattern
	}
	dirs, err := globDepth(fsys, dir, depth+1)
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		matches, err = globIn(fsys, d, file, matches)
		if err != nil {
			return
		}
	}
	return
}

// globIn appends the names of directory dir matching pattern (I/O
// errors ignored).
func globIn(fsys FS, dir, pattern string, matches []string) ([]string, error) {
	entries, err := ReadDir(fsys, dir)
	if err != nil {
		return matches, nil
	}
	for _, e := range entries {
		n := e.Name()
		ok, err := path.Match(pattern, n)
		if err != nil {
			return matches, err
		}
		if ok {
			matches = append(matches, path.Join(dir, n))
		}
	}
	return matches, nil
}

func hasMeta(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?', '[', '\\':
			return true
		}
	}
	return false
}

// WalkDir walks the tree of fsys rooted at root, calling fn for each file
// and directory in lexical order (a directory before its entries).
func WalkDir(fsys FS, root string, fn WalkDirFunc) error {
	info, err := Stat(fsys, root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(fsys, root, FileInfoToDirEntry(info), fn)
	}
	if err == SkipDir || err == SkipAll {
		return nil
	}
	return err
}

func walkDir(fsys FS, name string, d DirEntry, fn WalkDirFunc) error {
	if err := fn(name, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := ReadDir(fsys, name)
	if err != nil {
		// A second call reports the error reading the directory.
		if err = fn(name, d, err); err != nil {
			if err == SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		if err := walkDir(fsys, path.Join(name, d1.Name()), d1, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

type statDirEntry struct {
	info FileInfo
}

func (d *statDirEntry) Name() string               { return d.info.Name() }
func (d *statDirEntry) IsDir() bool                { return d.info.IsDir() }
func (d *statDirEntry) Type() FileMode             { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (FileInfo, error)    { return d.info, nil }
func (d *statDirEntry) String() string             { return FormatDirEntry(d) }

// FileInfoToDirEntry returns a DirEntry with the information of info
// (nil for nil).
func FileInfoToDirEntry(info FileInfo) DirEntry {
	if info == nil {
		return nil
	}
	return &statDirEntry{info: info}
}

// FormatFileInfo is info as ls -l shows it, roughly: "-rw-r--r-- 100
// 2006-01-02 15:04:05 name".
func FormatFileInfo(info FileInfo) string {
	name := info.Name()
	b := make([]byte, 0, 40+len(name))
	b = append(b, info.Mode().String()...)
	b = append(b, ' ')
	size := info.Size()
	var usize uint64
	if size >= 0 {
		usize = uint64(size)
	} else {
		b = append(b, '-')
		usize = uint64(-size)
	}
	var buf [20]byte
	i := len(buf) - 1
	for usize >= 10 {
		q := usize / 10
		buf[i] = byte('0' + usize - q*10)
		i--
		usize = q
	}
	buf[i] = byte('0' + usize)
	b = append(b, buf[i:]...)
	b = append(b, ' ')
	b = append(b, info.ModTime().Format(time.DateTime)...)
	b = append(b, ' ')
	b = append(b, name...)
	if info.IsDir() {
		b = append(b, '/')
	}
	return string(b)
}

// FormatDirEntry is dir as "d name/" or "- name".
func FormatDirEntry(dir DirEntry) string {
	name := dir.Name()
	b := make([]byte, 0, 5+len(name))
	mode := dir.Type().String()
	mode = mode[:len(mode)-9]
	b = append(b, mode...)
	b = append(b, ' ')
	b = append(b, name...)
	if dir.IsDir() {
		b = append(b, '/')
	}
	return string(b)
}
