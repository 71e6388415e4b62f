package graphviz

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// workerEnv, set to "1", asks a process to serve layouts (see
// RunWorkerIfAsked). The Renderer sets it on the copy of its own executable
// that it starts.
const workerEnv = "ACCORD_GRAPHVIZ_WORKER"

// workerHello is the worker's first line: a child that does not say it is
// not our worker (an executable replaced on disk, a wrapper script).
const workerHello = "accord-graphviz-worker 1\n"

// maxFrame bounds a message between parent and worker, so that a garbled
// stream cannot make either side allocate without limit.
const maxFrame = 256 << 20

// Response statuses.
const (
	statusOK       = 0 // payload is the SVG
	statusDOTError = 1 // payload is the message, line is set
	statusError    = 2 // payload is the message
	statusFatal    = 3 // payload is the message; the worker exits after it
	statusEmpty    = 4 // ErrEmpty
)

// serving records that this program calls RunWorkerIfAsked, so that a copy
// of it started with workerEnv is a worker. It is a fact about the
// executable, set once at its start; a Renderer in a program that does not
// call it starts no copy, which would run the program's main (a test
// binary's copy would run the tests again, and start copies of its own).
var serving atomic.Bool

// errNotServing is what a Renderer answers in a program that does not call
// RunWorkerIfAsked.
var errNotServing = errors.New("graph layout: this program cannot start Graphviz workers: call graphviz.RunWorkerIfAsked first thing in main (in a test binary, in TestMain)")

// RunWorkerIfAsked turns this process into a Graphviz worker when a
// Renderer started it as one: it then serves layouts on stdin and stdout
// until its input ends, and exits. Otherwise it returns at once.
//
// Every program that lays graphs out calls it first thing in main, before
// it parses flags or writes anything, and every test binary that does so
// calls it in TestMain before m.Run: a Renderer's workers are its own
// executable started again. Without the call, every graph a Renderer is
// asked for fails with an error that names it.
func RunWorkerIfAsked() {
	if os.Getenv(workerEnv) == "1" {
		os.Exit(serveWorker(os.Stdin, os.Stdout))
	}
	serving.Store(true)
}

// serveWorker answers layout requests until its input ends. Request: a
// uint32 length and the DOT text. Response: status byte, uint32 line,
// uint32 length and payload, uint64 live heap bytes (for the parent to
// decide when to retire it).
func serveWorker(in io.Reader, out io.Writer) int {
	r, w := bufio.NewReader(in), bufio.NewWriter(out)
	if _, err := w.WriteString(workerHello); err != nil || w.Flush() != nil {
		return 2
	}
	var e *engine
	for {
		dot, err := readFrame(r)
		if errors.Is(err, io.EOF) {
			e.close()
			return 0
		}
		if err != nil {
			return 2
		}
		status, line, payload := statusOK, 0, []byte(nil)
		gvMu.Lock()
		if e == nil {
			e, err = newEngine()
		}
		fatal := false
		if err == nil {
			payload, fatal, err = e.layout(dot)
		}
		gvMu.Unlock()
		var de *DOTError
		switch {
		case err == nil:
		case fatal || e == nil:
			status, payload = statusFatal, []byte(err.Error())
		case errors.Is(err, ErrEmpty):
			status = statusEmpty
		case errors.As(err, &de):
			status, line, payload = statusDOTError, de.Line, []byte(de.Msg)
		default:
			status, payload = statusError, []byte(err.Error())
		}
		// The live heap as of the last GC: cheap to read, and unlike
		// HeapInuse it does not count the copies wazero leaves behind
		// each time the WASM memory grows.
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(live)
		if writeResponse(w, status, line, payload, live[0].Value.Uint64()) != nil || status == statusFatal {
			return 1
		}
	}
}

func readFrame(r io.Reader) ([]byte, error) {
	var n uint32
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return nil, err
	}
	if n > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes", n)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return buf, nil
}

func writeResponse(w *bufio.Writer, status, line int, payload []byte, heap uint64) error {
	w.WriteByte(byte(status))
	binary.Write(w, binary.BigEndian, uint32(line))
	binary.Write(w, binary.BigEndian, uint32(len(payload)))
	w.Write(payload)
	binary.Write(w, binary.BigEndian, heap)
	return w.Flush() // bufio keeps the first error: one check covers all writes
}

// worker is the parent's handle on a worker process.
type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *tail
	heap   uint64 // live heap reported by the last response
	gen    int    // the Renderer's generation it was started in
	done   chan struct{}
}

// startWorker starts this executable as a worker and waits for its hello.
func startWorker(timeout time.Duration) (*worker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, in: in, out: bufio.NewReader(outPipe), stderr: &tail{}, done: make(chan struct{})}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = cmd.Wait(); close(w.done) }()
	hello := make([]byte, len(workerHello))
	err = w.deadline(timeout, func() error { _, err := io.ReadFull(w.out, hello); return err })
	if err != nil || string(hello) != workerHello {
		w.kill()
		return nil, fmt.Errorf("%s did not start as a graphviz worker: %v%s", exe, err, w.stderr.String())
	}
	return w, nil
}

// workerCrash is a worker that went away without answering.
type workerCrash struct{ msg string }

func (e *workerCrash) Error() string { return e.msg }

// errTimeout marks a layout that ran past the Renderer's timeout.
var errTimeout = errors.New("graph layout timed out")

// deadline runs fn, killing the worker if it takes longer than timeout.
func (w *worker) deadline(timeout time.Duration, fn func() error) error {
	timer := time.AfterFunc(timeout, w.kill)
	err := fn()
	if !timer.Stop() {
		return fmt.Errorf("%w after %s", errTimeout, timeout)
	}
	return err
}

// layout sends one DOT text. broken reports that the worker is gone or must
// not be used again; err then says why.
func (w *worker) layout(dot []byte, timeout time.Duration) (svg []byte, broken bool, err error) {
	var status byte
	var line, n uint32
	var payload []byte
	err = w.deadline(timeout, func() error {
		if err := binary.Write(w.in, binary.BigEndian, uint32(len(dot))); err != nil {
			return err
		}
		if _, err := w.in.Write(dot); err != nil {
			return err
		}
		if err := binary.Read(w.out, binary.BigEndian, &status); err != nil {
			return err
		}
		if err := binary.Read(w.out, binary.BigEndian, &line); err != nil {
			return err
		}
		if err := binary.Read(w.out, binary.BigEndian, &n); err != nil {
			return err
		}
		if n > maxFrame {
			return fmt.Errorf("response of %d bytes", n)
		}
		payload = make([]byte, n)
		if _, err := io.ReadFull(w.out, payload); err != nil {
			return err
		}
		return binary.Read(w.out, binary.BigEndian, &w.heap)
	})
	if err != nil {
		w.kill()
		if errors.Is(err, errTimeout) {
			return nil, true, err
		}
		return nil, true, &workerCrash{fmt.Sprintf("graphviz worker stopped: %v%s", err, w.stderr.String())}
	}
	switch status {
	case statusOK:
		return payload, false, nil
	case statusDOTError:
		return nil, false, &DOTError{Line: int(line), Msg: string(payload)}
	case statusEmpty:
		return nil, false, ErrEmpty
	case statusFatal:
		w.close()
		return nil, true, errors.New(string(payload))
	}
	return nil, false, errors.New(string(payload))
}

func (w *worker) kill() { _ = w.cmd.Process.Kill() }

// close ends the worker: closing its input lets it exit on its own; a
// worker that does not within a second is killed.
func (w *worker) close() {
	_ = w.in.Close()
	select {
	case <-w.done:
	case <-time.After(time.Second):
		w.kill()
		<-w.done
	}
}

// tail keeps the last bytes a worker wrote to stderr, for error messages.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - 2048; over > 0 {
		t.buf = t.buf[over:]
	}
	return len(p), nil
}

// String returns the kept output as a suffix for an error message.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := strings.TrimSpace(string(t.buf))
	if s == "" {
		return ""
	}
	return ": " + s
}
