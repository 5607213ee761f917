// Package ioutil: Go's deprecated I/O helpers, each the function of io or
// os that replaced it in Go 1.16 (Go's own are the same wrappers); kept
// because older programs import them.
package ioutil

import (
	"io"
	"io/fs"
	"os"
	"sort"
)

// ReadAll reads from r until an error or EOF and returns what it read.
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

// ReadFile reads the named file and returns its contents.
func ReadFile(filename string) ([]byte, error) { return os.ReadFile(filename) }

// WriteFile writes data to the named file, creating it with perm if it
// does not exist and truncating it if it does.
func WriteFile(filename string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(filename, data, perm)
}

// ReadDir reads the named directory and returns its entries' FileInfo,
// sorted by name.
func ReadDir(dirname string) ([]fs.FileInfo, error) {
	entries, err := os.ReadDir(dirname)
	if err != nil {
		return nil, err
	}
	list := make([]fs.FileInfo, 0, len(entries))
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		list = append(list, info)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name() < list[j].Name() })
	return list, nil
}

// NopCloser returns a ReadCloser with a Close method that does nothing.
func NopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

// Discard is a Writer on which every Write succeeds without doing anything.
var Discard io.Writer = io.Discard

// TempFile creates a new temporary file in dir (the default temporary
// directory if empty), named from pattern, opened for reading and writing.
func TempFile(dir, pattern string) (f *os.File, err error) { return os.CreateTemp(dir, pattern) }

// TempDir creates a new temporary directory in dir, named from pattern,
// and returns its path.
func TempDir(dir, pattern string) (name string, err error) { return os.MkdirTemp(dir, pattern) }
