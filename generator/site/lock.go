package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// LockFile is the file beside out that a build holds locked while it
// writes out: builds into one folder take turns, so none deletes another's
// fresh folder or swaps a half-written one in. Like the fresh folder, it
// exists only while a build runs: the holder deletes it before letting go,
// and a build that locked a file already deleted tries again, so two
// builds never hold two different files.
func LockFile(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".accord-lock")
}

// outputLock is the lock of one output folder, held.
type outputLock struct {
	f    *os.File
	name string
}

// lockOutput waits until no other build writes out, then holds it until
// unlock. It polls rather than blocks so that ctx (Ctrl-C) ends the wait.
func lockOutput(ctx context.Context, out string) (*outputLock, error) {
	for delay := time.Millisecond; ; delay = min(2*delay, 50*time.Millisecond) {
		l, err := tryLockOutput(out)
		if l != nil || err != nil {
			return l, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
	}
}

// tryLockOutput holds out's lock if no build holds it now, else returns
// nil.
func tryLockOutput(out string) (*outputLock, error) {
	name := LockFile(out)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s against other builds: %w; check that its folder is writable, or choose another output with -o", out, err)
	}
	ok, err := tryLock(f)
	if err == nil && ok && !current(f, name) {
		ok = false // its holder deleted it before letting go: try the new one
	}
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("cannot lock %s against other builds: %w", out, err)
		}
		return nil, nil
	}
	return &outputLock{f: f, name: name}, nil
}

// current reports whether the open file f is still the file name.
func current(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}

// unlock deletes the lock file and lets the next build in; closing the
// file drops the lock. A file that cannot be deleted (Windows) is locked
// again by the next build, as well.
func (l *outputLock) unlock() {
	if l != nil {
		os.Remove(l.name)
		l.f.Close()
	}
}
