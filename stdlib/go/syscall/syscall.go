// Package syscall: the part of Go's syscall package that portable
// programs use with os/signal: Signal and the Linux signal numbers,
// Kill, Getpid and Getpagesize; and memory mappings: Mmap, Munmap and
// Mprotect with the PROT_ and MAP_ constants (Linux's values), whose
// memory the VM checks its accesses against (gol_vm::usermap).
// Everything else (raw system calls, Stat_t, sockets) is not declared.
package syscall

// A Signal is a number describing a process signal.
type Signal int

const (
	SIGABRT Signal = 0x6
	SIGALRM Signal = 0xe
	SIGCHLD Signal = 0x11
	SIGCONT Signal = 0x12
	SIGHUP  Signal = 0x1
	SIGINT  Signal = 0x2
	SIGKILL Signal = 0x9
	SIGPIPE Signal = 0xd
	SIGQUIT Signal = 0x3
	SIGSTOP Signal = 0x13
	SIGTERM Signal = 0xf
	SIGTSTP Signal = 0x14
	SIGUSR1 Signal = 0xa
	SIGUSR2 Signal = 0xc
	SIGWINCH Signal = 0x1c
)

var signals = [...]string{
	1:  "hangup",
	2:  "interrupt",
	3:  "quit",
	4:  "illegal instruction",
	5:  "trace/breakpoint trap",
	6:  "aborted",
	7:  "bus error",
	8:  "floating point exception",
	9:  "killed",
	10: "user defined signal 1",
	11: "segmentation fault",
	12: "user defined signal 2",
	13: "broken pipe",
	14: "alarm clock",
	15: "terminated",
	16: "stack fault",
	17: "child exited",
	18: "continued",
	19: "stopped (signal)",
	20: "stopped",
	21: "stopped (tty input)",
	22: "stopped (tty output)",
	23: "urgent I/O condition",
	24: "CPU time limit exceeded",
	25: "file size limit exceeded",
	26: "virtual timer expired",
	27: "profiling timer expired",
	28: "window changed",
	29: "I/O possible",
	30: "power failure",
	31: "bad system call",
}

func (s Signal) Signal() {}

func (s Signal) String() string {
	if 0 <= s && int(s) < len(signals) {
		str := signals[s]
		if str != "" {
			return str
		}
	}
	return "signal " + itoa(int(s))
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

func (e Errno) Error() string {
	if 0 <= int(e) && int(e) < len(errors) {
		s := errors[e]
		if s != "" {
			return s
		}
	}
	return "errno " + itoa(int(e))
}

// The error numbers the calls declared here return, with Linux's values
// and Go's texts.
const (
	EPERM     Errno = 0x1
	ENOENT    Errno = 0x2
	ESRCH     Errno = 0x3
	EINTR     Errno = 0x4
	EIO       Errno = 0x5
	EBADF     Errno = 0x9
	EAGAIN    Errno = 0xb
	ENOMEM    Errno = 0xc
	EACCES    Errno = 0xd
	EFAULT    Errno = 0xe
	EEXIST    Errno = 0x11
	ENODEV    Errno = 0x13
	EINVAL    Errno = 0x16
	ENFILE    Errno = 0x17
	EMFILE    Errno = 0x18
	ETXTBSY   Errno = 0x1a
	EOVERFLOW Errno = 0x4b
)

var errors = [...]string{
	1:  "operation not permitted",
	2:  "no such file or directory",
	3:  "no such process",
	4:  "interrupted system call",
	5:  "input/output error",
	9:  "bad file descriptor",
	11: "resource temporarily unavailable",
	12: "cannot allocate memory",
	13: "permission denied",
	14: "bad address",
	17: "file exists",
	19: "no such device",
	22: "invalid argument",
	23: "too many open files in system",
	24: "too many open files",
	26: "text file busy",
	75: "value too large for defined data type",
}

// Kill sends sig to the process pid.
func Kill(pid int, sig Signal) error {
	if e := kill(pid, int(sig)); e != 0 {
		return Errno(e)
	}
	return nil
}

func kill(pid int, sig int) int

// Getpid returns the process id of the caller.
func Getpid() int

// Getpagesize returns the system's memory page size in bytes.
func Getpagesize() int

// Memory protections and mapping flags (Linux's values).
const (
	PROT_NONE  = 0x0
	PROT_READ  = 0x1
	PROT_WRITE = 0x2
	PROT_EXEC  = 0x4

	MAP_SHARED    = 0x1
	MAP_PRIVATE   = 0x2
	MAP_FIXED     = 0x10
	MAP_ANON      = 0x20
	MAP_ANONYMOUS = 0x20
)

// Mmap maps length bytes of the file fd from offset (or anonymous
// memory, with MAP_ANON and fd -1) and returns them as a slice of the
// mapped memory itself. gol refuses MAP_FIXED (EINVAL): placed over the
// VM's own memory it would corrupt it.
func Mmap(fd int, offset int64, length int, prot int, flags int) (data []byte, err error) {
	b, e := mmap(fd, offset, length, prot, flags)
	if e != 0 {
		return nil, Errno(e)
	}
	return b, nil
}

// Munmap unmaps a whole mapping that Mmap returned (EINVAL for any other
// slice, as in Go). gol keeps the address range reserved and
// inaccessible, so a slice of it that is still used faults rather than
// reaching memory mapped there later.
func Munmap(b []byte) (err error) {
	if e := munmap(b); e != 0 {
		return Errno(e)
	}
	return nil
}

// Mprotect sets the protection of the pages of b, which must start on a
// page boundary. gol accepts only memory that Mmap mapped (EINVAL for
// the rest: a protected page of the VM's heap would fault inside the
// collector).
func Mprotect(b []byte, prot int) (err error) {
	if e := mprotect(b, prot); e != 0 {
		return Errno(e)
	}
	return nil
}

func mmap(fd int, offset int64, length int, prot int, flags int) ([]byte, int)

func munmap(b []byte) int

func mprotect(b []byte, prot int) int
