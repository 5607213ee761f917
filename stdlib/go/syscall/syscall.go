// Package syscall: the part of Go's syscall package that portable
// programs use with os/signal: Signal and the Linux signal numbers,
// Kill, Getpid and Getpagesize. Everything else (raw system calls, Stat_t, sockets)
// is not declared.
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

func (e Errno) Error() string { return "errno " + itoa(int(e)) }

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
