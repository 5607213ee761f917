// Package runtime/trace: gol's execution tracer as Go programs start and
// annotate it. Start begins recording and Stop writes what was recorded
// to Start's writer, in a format ui.perfetto.dev opens (Go writes its own
// binary format for `go tool trace`; gol's viewer is Perfetto): the one
// `gol run --trace-format=json|perfetto` chose, else Perfetto's protobuf
// when the writer is a file named *.pftrace or *.perfetto-trace (as for
// `gol run --trace=FILE`), else Chrome trace-event JSON. Tasks and
// regions are async slices, logs are instants on the logging goroutine's
// P.
//
// Annotations are recorded as they happen. The scheduler's events wait in
// a buffer of each M, handed over every 1,024 events, when the M idles, and
// when Stop asks (it stops the world once, so every M in a slice answers);
// an M that is between slices at that moment may keep its last few.
package trace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

var writer io.Writer

// start begins recording; false if it already records (gol run --trace,
// or a Start without Stop).
func start() bool

// stop ends recording and returns the recording in the run's format,
// else the one the name of the file it goes to asks for (name: "" when
// it goes to no file).
func stop(name string) []byte

func enabled() bool

// event records an async slice's begin or end (kind 0: task begin, 1:
// task end, 2: region begin, 3: region end) or a log (4), with an id for
// the slice, and returns a new id when asked for one (id 0).
func event(kind int, id uint64, name string, message string) uint64

// Start enables tracing for the current program; the trace is written to
// w when Stop is called.
func Start(w io.Writer) error {
	if !start() {
		return errors.New("execution tracer already enabled")
	}
	writer = w
	return nil
}

// Stop stops the current trace and writes it to Start's writer.
func Stop() {
	if writer == nil {
		return
	}
	name := ""
	if f, ok := writer.(*os.File); ok {
		name = f.Name()
	}
	data := stop(name)
	w := writer
	writer = nil
	w.Write(data)
}

// IsEnabled reports whether tracing is enabled.
func IsEnabled() bool {
	return enabled()
}

type taskKey struct{}

// Task is a user-defined logical operation.
type Task struct {
	id   uint64
	name string
}

// NewTask creates a task of type taskType and returns it with a context
// that carries it.
func NewTask(pctx context.Context, taskType string) (ctx context.Context, task *Task) {
	t := &Task{id: event(0, 0, taskType, ""), name: taskType}
	return context.WithValue(pctx, taskKey{}, t), t
}

// End marks the end of the task.
func (t *Task) End() {
	event(1, t.id, t.name, "")
}

// Region is a time interval of a goroutine's execution.
type Region struct {
	id   uint64
	name string
}

// StartRegion starts a region; End must be called on the same goroutine.
func StartRegion(ctx context.Context, regionType string) *Region {
	return &Region{id: event(2, 0, regionType, ""), name: regionType}
}

// End marks the end of the traced code region.
func (r *Region) End() {
	event(3, r.id, r.name, "")
}

// WithRegion runs fn inside a region of type regionType.
func WithRegion(ctx context.Context, regionType string, fn func()) {
	r := StartRegion(ctx, regionType)
	defer r.End()
	fn()
}

// Log emits a one-off event with the given category and message.
func Log(ctx context.Context, category, message string) {
	event(4, 0, category, message)
}

// Logf is like Log, but the value is formatted using the specified format
// spec.
func Logf(ctx context.Context, category, format string, args ...any) {
	Log(ctx, category, fmt.Sprintf(format, args...))
}
