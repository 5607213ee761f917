// Package os: gol's declaration of this package for the type checker, written by hand:
// functions without bodies are implemented natively by the VM. Only the
// commonly used part of Go's os is declared: the environment, process exit,
// whole-file reads and writes, File and its common methods, directories,
// the standard streams and the portable errors.
//
// FileMode, FileInfo, DirEntry and PathError are io/fs's, as in Go.
// Differences from Go: FileInfo.Sys returns nil (there is no syscall
// package and no syscall.Stat_t). Executable is the gol binary that runs the
// program. No File is pollable: the deadline setters return
// ErrNoDeadline (as Go's do for ordinary files and blocking streams).
// File.ReadDir and its kin read the whole rest of the directory at their
// first call and hand it out n at a time; Go reads it in chunks, which
// shows only when the directory changes between calls.
//
// Not declared (outside gol's subset or not yet provided): CopyFS,
// Root and OpenRoot, OpenInRoot (io/fs), Process, ProcessState, ProcAttr,
// StartProcess, FindProcess (os/exec territory),
// File.SyscallConn (syscall), Pipe (its ends would need the netpoller to
// honour deadlines and wake a reader on Close, as Go's do), ErrNoHandle.
package os

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
	"time"
)

// A Signal represents an operating system signal.
type Signal interface {
	String() string
	Signal()
}

// The signals present on all systems.
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// Seek whence values. Deprecated in Go: use io.SeekStart and friends.
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
)

// The file mode bits (io/fs's).
const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

// A FileMode is a file's mode and permission bits.
type FileMode = fs.FileMode

// PathError records an error and the operation and file path that
// caused it.
type PathError = fs.PathError

const DevNull = "/dev/null"

// Portable analogs of some common system call errors.
var (
	ErrInvalid          = fs.ErrInvalid
	ErrPermission       = fs.ErrPermission
	ErrExist            = fs.ErrExist
	ErrNotExist         = fs.ErrNotExist
	ErrClosed           = fs.ErrClosed
	ErrNoDeadline       = errors.New("file type does not support deadline")
	ErrDeadlineExceeded error = &deadlineExceededError{}
	ErrProcessDone      = errors.New("os: process already finished")
)

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

func (e *SyscallError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// NewSyscallError wraps err with the name of the system call (nil stays nil).
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// deadlineExceededError is ErrDeadlineExceeded: an I/O deadline passed.
type deadlineExceededError struct{}

func (e *deadlineExceededError) Error() string   { return "i/o timeout" }
func (e *deadlineExceededError) Timeout() bool   { return true }
func (e *deadlineExceededError) Temporary() bool { return true }

// The standard streams.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Args hold the command-line arguments, starting with the program name.
var Args = runtimeArgs()

// runtimeArgs is the program name and its arguments.
func runtimeArgs() []string

// syscallError is gol's stand-in for syscall.Errno: the system's message,
// and the portable error it matches under errors.Is.
type syscallError struct {
	msg  string
	kind int
}

func (e *syscallError) Error() string {
	return e.msg
}

func (e *syscallError) Is(target error) bool {
	switch e.kind {
	case 1:
		return target == ErrNotExist
	case 2:
		return target == ErrExist
	case 3:
		return target == ErrPermission
	}
	return false
}

// pathError makes the *PathError of a failed operation (msg "" is nil).
func pathError(op string, path string, msg string, kind int) error {
	if msg == "" {
		return nil
	}
	return &PathError{Op: op, Path: path, Err: &syscallError{msg, kind}}
}

// readFile reads a whole file: its bytes, or the failing operation, the
// system's message and its kind (1 not found, 2 exists, 3 permission).
func readFile(name string) (data []byte, op string, msg string, kind int)

// writeFile writes a whole file, as readFile reports failures.
func writeFile(name string, data []byte, perm uint32) (op string, msg string, kind int)

// writeFd writes to file descriptor fd (1 or 2: the program's streams).
func writeFd(fd int, b []byte) (n int, msg string)

// Chdir changes the process's working directory (every goroutine's).
func Chdir(dir string) error {
	msg, kind := chdirPath(dir)
	return pathError("chdir", dir, msg, kind)
}

func chdirPath(name string) (msg string, kind int)

// Chmod sets the mode bits of the named file (a symbolic link's target).
func Chmod(name string, mode FileMode) error {
	msg, kind := chmodPath(name, syscallMode(mode))
	return pathError("chmod", name, msg, kind)
}

func chmodPath(name string, mode uint32) (msg string, kind int)

// syscallMode is the system's mode bits of a FileMode: the permissions,
// setuid, setgid and sticky.
func syscallMode(m FileMode) uint32 {
	o := uint32(m.Perm())
	if m&ModeSetuid != 0 {
		o |= 0o4000
	}
	if m&ModeSetgid != 0 {
		o |= 0o2000
	}
	if m&ModeSticky != 0 {
		o |= 0o1000
	}
	return o
}

func Clearenv()

func Environ() []string

// Executable is the path of the running executable: under gol, the gol
// binary that runs the program (Go's is the program's own binary).
func Executable() (string, error) {
	path, msg, kind := executable()
	if msg != "" {
		return "", pathError("readlink", "/proc/self/exe", msg, kind)
	}
	return path, nil
}

func executable() (path string, msg string, kind int)

func Exit(code int)

// Expand replaces $var and ${var} in s by mapping(var); $ followed by one
// of the shell's special characters (*#$@!?- and digits) names that
// character; bad ${...} syntax is dropped.
func Expand(s string, mapping func(string) string) string {
	var buf []byte
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] != '$' || j+1 >= len(s) {
			continue
		}
		buf = append(buf, s[i:j]...)
		name, w := shellName(s[j+1:])
		if name != "" {
			buf = append(buf, mapping(name)...)
		} else if w == 0 {
			// No name: the '$' stays.
			buf = append(buf, '$')
		}
		j += w
		i = j + 1
	}
	if buf == nil && i == 0 {
		return s
	}
	return string(buf) + s[i:]
}

// ExpandEnv is Expand with the environment as the mapping.
func ExpandEnv(s string) string {
	return Expand(s, Getenv)
}

func isShellSpecialVar(c uint8) bool {
	switch c {
	case '*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

func isAlphaNum(c uint8) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// shellName is the variable name s starts with (after a '$') and how many
// bytes it takes; "" with a width for bad ${...} syntax, which is dropped.
func shellName(s string) (string, int) {
	if s[0] == '{' {
		if len(s) > 2 && isShellSpecialVar(s[1]) && s[2] == '}' {
			return s[1:2], 3
		}
		for i := 1; i < len(s); i++ {
			if s[i] == '}' {
				if i == 1 {
					return "", 2
				}
				return s[1:i], i + 1
			}
		}
		return "", 1
	}
	if isShellSpecialVar(s[0]) {
		return s[0:1], 1
	}
	i := 0
	for i < len(s) && isAlphaNum(s[i]) {
		i++
	}
	return s[:i], i
}

func Getegid() int

func Getenv(key string) string

func Geteuid() int

func Getgid() int

func Getpagesize() int

func Getpid() int

func Getppid() int

func Getuid() int

// Getwd is an absolute name of the working directory: $PWD when it names
// it (a path through a symbolic link survives), else the system's.
func Getwd() (dir string, err error) {
	dir, op, msg, kind := getwd()
	if msg == "" {
		return dir, nil
	}
	if op == "stat" {
		return "", pathError("stat", ".", msg, kind)
	}
	return "", NewSyscallError(op, &syscallError{msg, kind})
}

func getwd() (dir string, op string, msg string, kind int)

// Hostname is the kernel's host name.
func Hostname() (name string, err error) {
	name, msg, kind := hostname()
	if msg != "" {
		return "", NewSyscallError("uname", &syscallError{msg, kind})
	}
	return name, nil
}

func hostname() (name string, msg string, kind int)

func IsExist(err error) bool {
	return underlyingIs(err, ErrExist)
}

func IsNotExist(err error) bool {
	return underlyingIs(err, ErrNotExist)
}

func IsPathSeparator(c uint8) bool { return c == PathSeparator }

func IsPermission(err error) bool {
	return underlyingIs(err, ErrPermission)
}

// underlyingIs is Go's os.underlyingErrorIs: only *PathError,
// *LinkError and *SyscallError are looked through.
func underlyingIs(err error, target error) bool {
	if err == target {
		return true
	}
	err = underlyingError(err)
	if se, ok := err.(*syscallError); ok {
		return se.Is(target)
	}
	return err == target
}

// underlyingError is the error a *PathError, *LinkError or *SyscallError
// wraps, or err.
func underlyingError(err error) error {
	switch e := err.(type) {
	case *PathError:
		return e.Err
	case *LinkError:
		return e.Err
	case *SyscallError:
		return e.Err
	}
	return err
}

// IsTimeout reports whether err (or the error a *PathError, *LinkError or
// *SyscallError wraps) says it is a timeout.
func IsTimeout(err error) bool {
	t, ok := underlyingError(err).(interface{ Timeout() bool })
	return ok && t.Timeout()
}

func LookupEnv(key string) (string, bool)

func Mkdir(name string, perm FileMode) error {
	msg, kind := mkdirPath(name, syscallMode(perm))
	return pathError("mkdir", name, msg, kind)
}

func mkdirPath(name string, perm uint32) (msg string, kind int)

func isDir(name string) bool

// MkdirAll makes path and every missing parent; nil if path is a
// directory already.
func MkdirAll(path string, perm FileMode) error {
	if isDir(path) {
		return nil
	}
	// The parent first (trailing slashes and the last element dropped).
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	err := Mkdir(path, perm)
	if err != nil && isDir(path) {
		return nil
	}
	return err
}

// MkdirTemp makes a new directory in dir (TempDir when empty), named by
// pattern with its last "*" (or its end) replaced by a random number.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) {
			if try < 10000 {
				continue
			}
			return "", &PathError{Op: "mkdirtemp", Path: dir + "/" + prefix + "*" + suffix, Err: ErrExist}
		}
		if IsNotExist(err) {
			if _, serr := Stat(dir); IsNotExist(serr) {
				return "", serr
			}
		}
		return "", err
	}
}

// CreateTemp creates and opens (read-write, mode 0600) a new file in dir
// (TempDir when empty), named as MkdirTemp names directories.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) && try < 10000 {
			continue
		}
		if IsExist(err) {
			return nil, &PathError{Op: "createtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		return f, err
	}
}

var errPatternHasSeparator = errors.New("pattern contains path separator")

// prefixAndSuffix splits a temporary name's pattern at its last "*".
func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if IsPathSeparator(pattern[i]) {
			return "", "", errPatternHasSeparator
		}
	}
	prefix = pattern
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			prefix, suffix = pattern[:i], pattern[i+1:]
			break
		}
	}
	return prefix, suffix, nil
}

func joinPath(dir, name string) string {
	if len(dir) > 0 && IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + "/" + name
}

// nextRandom is a decimal number for a temporary name.
func nextRandom() string {
	tempSeq = tempSeq*1664525 + 1013904223 + uint32(time.Now().UnixNano())
	return uitoa(uint(tempSeq))
}

// tempSeq varies MkdirTemp's names (a linear congruential step mixed with
// the clock).
var tempSeq uint32

func uitoa(v uint) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

func ReadFile(name string) ([]byte, error) {
	data, op, msg, kind := readFile(name)
	if msg != "" {
		return nil, pathError(op, name, msg, kind)
	}
	return data, nil
}

func Remove(name string) error {
	msg, kind := removePath(name)
	return pathError("remove", name, msg, kind)
}

func removePath(name string) (msg string, kind int)

// RemoveAll removes path and everything below it; nil if it does not
// exist.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	fi, serr := Lstat(path)
	if serr != nil || !fi.IsDir() {
		return err
	}
	entries, derr := ReadDir(path)
	if derr != nil {
		return derr
	}
	for _, e := range entries {
		if err := RemoveAll(path + "/" + e.Name()); err != nil {
			return err
		}
	}
	err = Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	return err
}

// Rename moves oldpath to newpath, replacing a file there; onto an
// existing directory it fails (file exists), as Go's does on Unix.
func Rename(oldpath, newpath string) error {
	msg, kind := renamePath(oldpath, newpath)
	if msg == "" {
		return nil
	}
	return &LinkError{"rename", oldpath, newpath, &syscallError{msg, kind}}
}

func renamePath(oldpath, newpath string) (msg string, kind int)

func Setenv(key, value string) error {
	if !setenv(key, value) {
		return NewSyscallError("setenv", &syscallError{"invalid argument", 0})
	}
	return nil
}

func setenv(key, value string) bool

func unsetenv(key string)

func TempDir() string

// Truncate changes the size of the named file.
func Truncate(name string, size int64) error {
	msg, kind := truncatePath(name, size)
	return pathError("truncate", name, msg, kind)
}

func truncatePath(name string, size int64) (msg string, kind int)

func Unsetenv(key string) error {
	unsetenv(key)
	return nil
}

// UserHomeDir is $HOME.
func UserHomeDir() (string, error) {
	if v := Getenv("HOME"); v != "" {
		return v, nil
	}
	return "", errors.New("$HOME is not defined")
}

func WriteFile(name string, data []byte, perm FileMode) error {
	op, msg, kind := writeFile(name, data, syscallMode(perm))
	return pathError(op, name, msg, kind)
}

// DirEntry is an entry read from a directory.
type DirEntry = fs.DirEntry

// ReadDir lists a directory's entries sorted by name.
func ReadDir(name string) ([]DirEntry, error) {
	names, msg, kind := readDirNames(name)
	if msg != "" {
		return nil, pathError("open", name, msg, kind)
	}
	entries := make([]DirEntry, 0, len(names))
	for _, n := range names {
		info, err := Lstat(name + "/" + n)
		if err != nil {
			// Removed since it was listed: Go skips it too.
			continue
		}
		entries = append(entries, &dirEntry{info.(*fileStat)})
	}
	return entries, nil
}

// readDirNames lists a directory's names (no "." or ".."), sorted.
func readDirNames(name string) (names []string, msg string, kind int)

// Lstat describes the named file; a symbolic link is described itself.
func Lstat(name string) (FileInfo, error) { return statFile("lstat", name, false) }

type dirEntry struct {
	fs *fileStat
}

func (d *dirEntry) Name() string               { return d.fs.name }
func (d *dirEntry) IsDir() bool                { return d.fs.IsDir() }
func (d *dirEntry) Type() FileMode             { return d.fs.mode.Type() }
func (d *dirEntry) Info() (FileInfo, error)    { return d.fs, nil }
// String is io/fs's FormatDirEntry: the type letters, the name, and a
// slash for a directory ("d sub/", "- file").
func (d *dirEntry) String() string {
	mode := d.fs.mode.Type().String()
	s := mode[:len(mode)-9] + " " + d.fs.name
	if d.IsDir() {
		s += "/"
	}
	return s
}

// File represents an open file descriptor.
type File struct {
	fd      int
	name    string
	dirinfo any
	closed  bool
	append  bool
}

// Create makes or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Open opens the named file for reading.
func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

// OpenFile opens a file with flags (O_RDONLY ...) and, when it creates
// it, the permission bits of perm.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, msg, kind := openFile(name, flag, syscallMode(perm))
	if msg != "" {
		return nil, pathError("open", name, msg, kind)
	}
	return &File{fd: fd, name: name, append: flag&O_APPEND != 0}, nil
}

func openFile(name string, flag int, perm uint32) (fd int, msg string, kind int)

func readFd(fd int, b []byte) (n int, msg string, kind int)

func closeFd(fd int) (msg string, kind int)

func fsyncFd(fd int) (msg string, kind int)

func ftruncateFd(fd int, size int64) (msg string, kind int)

func fchmodFd(fd int, mode uint32) (msg string, kind int)

func fchdirFd(fd int) (msg string, kind int)

// seekFd is lseek(2).
func seekFd(fd int, offset int64, whence int) (ret int64, msg string, kind int)

// preadFd and pwriteFd are one pread(2) or pwrite(2) at off; the caller
// loops until b is done.
func preadFd(fd int, b []byte, off int64) (n int, msg string, kind int)

func pwriteFd(fd int, b []byte, off int64) (n int, msg string, kind int)

// checkValid is the error of an operation op on a nil or closed File.
func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// Chdir makes the directory f is open on the working directory.
func (f *File) Chdir() error {
	if err := f.checkValid("chdir"); err != nil {
		return err
	}
	msg, kind := fchdirFd(f.fd)
	return pathError("chdir", f.name, msg, kind)
}

// Chmod sets the file's mode bits.
func (f *File) Chmod(mode FileMode) error {
	if err := f.checkValid("chmod"); err != nil {
		return err
	}
	msg, kind := fchmodFd(f.fd, syscallMode(mode))
	return pathError("chmod", f.name, msg, kind)
}

func (f *File) Close() error {
	if err := f.checkValid("close"); err != nil {
		return err
	}
	f.closed = true
	msg, kind := closeFd(f.fd)
	return pathError("close", f.name, msg, kind)
}

func (f *File) Fd() uintptr {
	return uintptr(f.fd)
}

func (f *File) Name() string {
	return f.name
}

// Read reads up to len(b) bytes; io.EOF at the end of the file. The read
// is a system call that gives up the P while it blocks.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, msg, kind := readFd(f.fd, b)
	if msg != "" {
		return n, pathError("read", f.name, msg, kind)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ReadAt reads len(b) bytes from offset off (the file's offset stays);
// fewer only with an error, io.EOF at the end of the file.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, msg, kind := preadFd(f.fd, b, off)
		if msg != "" {
			err = pathError("read", f.name, msg, kind)
			break
		}
		if m == 0 {
			err = io.EOF
			break
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}

// dirInfo is the state of reading a directory through its File: the
// names not handed out yet, read in the system's order at the first call.
type dirInfo struct {
	names []string
}

// readDirFd lists the entries of the directory open on fd from its
// current offset (no "." or ".."), in the system's order.
func readDirFd(fd int) (names []string, msg string, kind int)

const (
	readdirName = iota
	readdirDirEntry
	readdirFileInfo
)

// readdir hands out up to n entries (all when n <= 0) in one of three
// forms; io.EOF when n > 0 and none are left. An entry removed since it
// was listed is skipped.
func (f *File) readdir(n int, mode int) (names []string, dirents []DirEntry, infos []FileInfo, err error) {
	if f.closed {
		return nil, nil, nil, &PathError{Op: "readdirent", Path: f.name, Err: errFileClosing}
	}
	d, _ := f.dirinfo.(*dirInfo)
	if d == nil {
		all, msg, kind := readDirFd(f.fd)
		if msg != "" {
			return nil, nil, nil, pathError("readdirent", f.name, msg, kind)
		}
		d = &dirInfo{names: all}
		f.dirinfo = d
	}
	if n == 0 {
		n = -1
	}
	for n != 0 && len(d.names) > 0 {
		name := d.names[0]
		d.names = d.names[1:]
		if n > 0 {
			n--
		}
		if mode == readdirName {
			names = append(names, name)
			continue
		}
		info, err := Lstat(f.name + "/" + name)
		if IsNotExist(err) {
			continue
		}
		if err != nil {
			return names, dirents, infos, err
		}
		if mode == readdirDirEntry {
			dirents = append(dirents, &dirEntry{info.(*fileStat)})
		} else {
			infos = append(infos, info)
		}
	}
	if n > 0 && len(names)+len(dirents)+len(infos) == 0 {
		return nil, nil, nil, io.EOF
	}
	return names, dirents, infos, nil
}

// errFileClosing is the error of reading a directory through a closed
// File (internal/poll's ErrFileClosing).
var errFileClosing = errors.New("use of closed file")

// ReadDir reads up to n entries of the directory (all when n <= 0), in
// the system's order; io.EOF at the end when n > 0.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	_, dirents, _, err := f.readdir(n, readdirDirEntry)
	if dirents == nil {
		dirents = []DirEntry{}
	}
	return dirents, err
}

// Readdir is ReadDir with each entry's FileInfo.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	_, _, infos, err := f.readdir(n, readdirFileInfo)
	if infos == nil {
		infos = []FileInfo{}
	}
	return infos, err
}

// Readdirnames is ReadDir with the entries' names.
func (f *File) Readdirnames(n int) (names []string, err error) {
	if f == nil {
		return nil, ErrInvalid
	}
	names, _, _, err = f.readdir(n, readdirName)
	if names == nil {
		names = []string{}
	}
	return names, err
}

// fileWriter and fileReader are a File without ReadFrom and WriteTo, so
// that io.Copy through them moves the bytes itself.
type fileWriter struct{ f *File }

func (w fileWriter) Write(b []byte) (int, error) { return w.f.Write(b) }

type fileReader struct{ f *File }

func (r fileReader) Read(b []byte) (int, error) { return r.f.Read(b) }

// ReadFrom copies r to the file until io.EOF (io.ReaderFrom).
func (f *File) ReadFrom(r io.Reader) (n int64, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	return io.Copy(fileWriter{f}, r)
}

// Seek sets the offset of the next Read or Write: offset from the start
// (io.SeekStart), the current offset (io.SeekCurrent) or the end
// (io.SeekEnd). It returns the new offset.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	// Reading a directory starts again from the new offset.
	f.dirinfo = nil
	r, msg, kind := seekFd(f.fd, offset, whence)
	if msg != "" {
		return 0, pathError("seek", f.name, msg, kind)
	}
	return r, nil
}

// SetDeadline and its read and write forms: files gol opens are not
// pollable (Go's ordinary files and standard streams are not either), so
// they return ErrNoDeadline; on a closed file, internal/poll's error
// unwrapped, as Go's do.
func (f *File) SetDeadline(t time.Time) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return errFileClosing
	}
	return ErrNoDeadline
}

func (f *File) SetReadDeadline(t time.Time) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return errFileClosing
	}
	return ErrNoDeadline
}

func (f *File) SetWriteDeadline(t time.Time) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return errFileClosing
	}
	return ErrNoDeadline
}

// Stat describes the open file (through its descriptor, so a file renamed
// or removed since it was opened is still described, under the name it
// was opened by).
func (f *File) Stat() (FileInfo, error) {
	if err := f.checkValid("stat"); err != nil {
		return nil, err
	}
	size, mode, sec, nsec, dev, ino, msg, kind := fstatFd(f.fd)
	if msg != "" {
		return nil, pathError("stat", f.name, msg, kind)
	}
	return &fileStat{name: basename(f.name), size: size, mode: FileMode(mode), modTime: time.Unix(sec, nsec), dev: dev, ino: ino}, nil
}

// fstatFd is fstat(2), reported as statPath reports stat(2).
func fstatFd(fd int) (size int64, mode uint32, sec int64, nsec int64, dev uint64, ino uint64, msg string, kind int)

// Sync commits the file's contents to stable storage (fsync).
func (f *File) Sync() error {
	if err := f.checkValid("sync"); err != nil {
		return err
	}
	msg, kind := fsyncFd(f.fd)
	return pathError("sync", f.name, msg, kind)
}

// Truncate changes the size of the file; the offset stays.
func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	msg, kind := ftruncateFd(f.fd, size)
	return pathError("truncate", f.name, msg, kind)
}

func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	n, msg := writeFd(f.fd, b)
	return n, pathError("write", f.name, msg, 0)
}

var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")

// WriteAt writes b at offset off (the file's offset stays); an error when
// fewer than len(b) bytes were written.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.append {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, msg, kind := pwriteFd(f.fd, b, off)
		if msg != "" {
			err = pathError("write", f.name, msg, kind)
			break
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return
}

func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// WriteTo copies the file to w until io.EOF (io.WriterTo).
func (f *File) WriteTo(w io.Writer) (n int64, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	return io.Copy(w, fileReader{f})
}

// FileInfo describes a file.
type FileInfo = fs.FileInfo

// Stat describes the named file, following symbolic links.
func Stat(name string) (FileInfo, error) { return statFile("stat", name, true) }

// statPath is stat(2) or lstat(2): size, Go's mode bits, modification
// time, device and inode, or the failure.
func statPath(name string, follow bool) (size int64, mode uint32, sec int64, nsec int64, dev uint64, ino uint64, msg string, kind int)

func statFile(op, name string, follow bool) (FileInfo, error) {
	size, mode, sec, nsec, dev, ino, msg, kind := statPath(name, follow)
	if msg != "" {
		return nil, pathError(op, name, msg, kind)
	}
	return &fileStat{name: basename(name), size: size, mode: FileMode(mode), modTime: time.Unix(sec, nsec), dev: dev, ino: ino}, nil
}

// SameFile reports whether fi1 and fi2 (from Stat, Lstat, ReadDir ...)
// describe the same file: the same device and inode.
func SameFile(fi1, fi2 FileInfo) bool {
	fs1, ok1 := fi1.(*fileStat)
	fs2, ok2 := fi2.(*fileStat)
	if !ok1 || !ok2 {
		return false
	}
	return fs1.dev == fs2.dev && fs1.ino == fs2.ino
}

// Link makes newname a hard link to oldname.
func Link(oldname, newname string) error {
	msg, kind := linkPath(oldname, newname)
	return linkError("link", oldname, newname, msg, kind)
}

// Symlink makes newname a symbolic link to oldname.
func Symlink(oldname, newname string) error {
	msg, kind := symlinkPath(oldname, newname)
	return linkError("symlink", oldname, newname, msg, kind)
}

func linkError(op, oldname, newname, msg string, kind int) error {
	if msg == "" {
		return nil
	}
	return &LinkError{op, oldname, newname, &syscallError{msg, kind}}
}

func linkPath(oldname, newname string) (msg string, kind int)

func symlinkPath(oldname, newname string) (msg string, kind int)

// Readlink is the target of the symbolic link name.
func Readlink(name string) (string, error) {
	target, msg, kind := readlinkPath(name)
	if msg != "" {
		return "", pathError("readlink", name, msg, kind)
	}
	return target, nil
}

func readlinkPath(name string) (target string, msg string, kind int)

// Chown sets the owner and group of the named file (a symbolic link's
// target); -1 leaves one as it is.
func Chown(name string, uid, gid int) error {
	msg, kind := chownPath(name, uid, gid, true)
	return pathError("chown", name, msg, kind)
}

// Lchown is Chown of a symbolic link itself.
func Lchown(name string, uid, gid int) error {
	msg, kind := chownPath(name, uid, gid, false)
	return pathError("lchown", name, msg, kind)
}

func chownPath(name string, uid int, gid int, follow bool) (msg string, kind int)

// Chown sets the file's owner and group.
func (f *File) Chown(uid, gid int) error {
	if err := f.checkValid("chown"); err != nil {
		return err
	}
	msg, kind := fchownFd(f.fd, uid, gid)
	return pathError("chown", f.name, msg, kind)
}

func fchownFd(fd int, uid int, gid int) (msg string, kind int)

// Chtimes sets the access and modification times of the named file; a
// zero Time leaves that time as it is.
func Chtimes(name string, atime time.Time, mtime time.Time) error {
	asec, ansec := timespec(atime)
	msec, mnsec := timespec(mtime)
	msg, kind := chtimesPath(name, asec, ansec, msec, mnsec)
	return pathError("chtimes", name, msg, kind)
}

// timespec is t's Unix seconds and nanoseconds (through UnixNano, as
// Go's syscall.NsecToTimespec takes it); nanoseconds -1 for the zero Time.
func timespec(t time.Time) (int64, int64) {
	if t.IsZero() {
		return 0, -1
	}
	ns := t.UnixNano()
	sec, nsec := ns/1e9, ns%1e9
	if nsec < 0 {
		nsec += 1e9
		sec--
	}
	return sec, nsec
}

// chtimesPath is utimensat(2); nanoseconds -1 leave a time unchanged.
func chtimesPath(name string, asec int64, ansec int64, msec int64, mnsec int64) (msg string, kind int)

// Getgroups lists the process's supplementary group ids.
func Getgroups() ([]int, error) {
	n, msg, kind := getgroups(nil)
	if msg == "" && n > 0 {
		gids := make([]int, n)
		n, msg, kind = getgroups(gids)
		if msg == "" {
			return gids[:n], nil
		}
	}
	if msg != "" {
		return nil, NewSyscallError("getgroups", &syscallError{msg, kind})
	}
	return nil, nil
}

// getgroups fills gids with the group ids (the count alone when gids is
// empty); a message when they do not fit.
func getgroups(gids []int) (n int, msg string, kind int)

// UserCacheDir is $XDG_CACHE_HOME, else $HOME/.cache.
func UserCacheDir() (string, error) {
	dir := Getenv("XDG_CACHE_HOME")
	if dir == "" {
		dir = Getenv("HOME")
		if dir == "" {
			return "", errors.New("neither $XDG_CACHE_HOME nor $HOME are defined")
		}
		return dir + "/.cache", nil
	}
	if dir[0] != '/' {
		return "", errors.New("path in $XDG_CACHE_HOME is relative")
	}
	return dir, nil
}

// UserConfigDir is $XDG_CONFIG_HOME, else $HOME/.config.
func UserConfigDir() (string, error) {
	dir := Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		dir = Getenv("HOME")
		if dir == "" {
			return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME are defined")
		}
		return dir + "/.config", nil
	}
	if dir[0] != '/' {
		return "", errors.New("path in $XDG_CONFIG_HOME is relative")
	}
	return dir, nil
}

// basename is the last element of a path, "/" for the root.
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// fileStat is the FileInfo of Stat, Lstat and ReadDir.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	dev     uint64 // device and inode, for SameFile
	ino     uint64
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Sys() any           { return nil }

// FileMode represents a file's mode and permission bits (io/fs.FileMode in
// Go).
// LinkError records an error during a link or symlink or rename system
// call and the paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string {
	return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error()
}

func (e *LinkError) Unwrap() error {
	return e.Err
}


// DirFS returns the file system of the host's files under directory dir
// (an fs.StatFS, ReadFileFS, ReadDirFS and ReadLinkFS). Names are
// io/fs's: slash-separated, unrooted, without "." or ".." elements.
func DirFS(dir string) fs.FS {
	return dirFS(dir)
}

type dirFS string

// join is dir's host path for the fs name, ErrInvalid for a name
// fs.ValidPath refuses or one holding a NUL.
func (dir dirFS) join(name string) (string, error) {
	if dir == "" {
		return "", errors.New("os: DirFS with empty root")
	}
	if !fs.ValidPath(name) {
		return "", ErrInvalid
	}
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			return "", ErrInvalid
		}
	}
	if IsPathSeparator(dir[len(dir)-1]) {
		return string(dir) + name, nil
	}
	return string(dir) + string(PathSeparator) + name, nil
}

// renamed gives err's PathError the fs name in place of the host path.
func renamed(err error, name string) error {
	if e, ok := err.(*PathError); ok {
		e.Path = name
	}
	return err
}

func (dir dirFS) Open(name string) (fs.File, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	f, err := Open(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return f, nil
}

func (dir dirFS) ReadFile(name string) ([]byte, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "readfile", Path: name, Err: err}
	}
	b, err := ReadFile(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return b, nil
}

func (dir dirFS) ReadDir(name string) ([]DirEntry, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "readdir", Path: name, Err: err}
	}
	entries, err := ReadDir(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return entries, nil
}

func (dir dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	f, err := Stat(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return f, nil
}

func (dir dirFS) Lstat(name string) (fs.FileInfo, error) {
	full, err := dir.join(name)
	if err != nil {
		return nil, &PathError{Op: "lstat", Path: name, Err: err}
	}
	f, err := Lstat(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return f, nil
}

func (dir dirFS) ReadLink(name string) (string, error) {
	full, err := dir.join(name)
	if err != nil {
		return "", &PathError{Op: "readlink", Path: name, Err: err}
	}
	t, err := Readlink(full)
	if err != nil {
		return "", renamed(err, name)
	}
	return t, nil
}
