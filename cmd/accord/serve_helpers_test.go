package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/serve"
)

// liveWait bounds every wait of the serve tests.
const liveWait = 5 * time.Second

// syncBuffer is an io.Writer a test can read while the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is an accord command running in the test's process.
type running struct {
	cancel         context.CancelFunc
	code           chan int
	stdout, stderr *syncBuffer
}

func startCommand(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{cancel: cancel, code: make(chan int, 1), stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	go func() { r.code <- run(ctx, args, r.stdout, r.stderr) }()
	t.Cleanup(func() { r.stop(t) })
	return r
}

// stop cancels the command, as Ctrl-C does, and checks it ends cleanly.
func (r *running) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	select {
	case code, ok := <-r.code:
		if ok && code != 0 {
			t.Errorf("exit code %d after Ctrl-C; stderr:\n%s", code, r.stderr)
		}
		close(r.code)
	case <-time.After(liveWait):
		t.Errorf("still running %s after Ctrl-C", liveWait)
	}
}

// waitOutput waits until stdout matches re and returns the last submatch.
func (r *running) waitOutput(t *testing.T, re string) string {
	t.Helper()
	return r.wait(t, r.stdout, re)
}

// waitStderr is waitOutput for stderr.
func (r *running) waitStderr(t *testing.T, re string) string {
	t.Helper()
	return r.wait(t, r.stderr, re)
}

func (r *running) wait(t *testing.T, buf *syncBuffer, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(liveWait)
	for time.Now().Before(deadline) {
		if m := rx.FindStringSubmatch(buf.String()); m != nil {
			return m[len(m)-1]
		}
		select {
		case code := <-r.code:
			r.code <- code
			t.Fatalf("exited with %d; stdout:\n%s\nstderr:\n%s", code, r.stdout, r.stderr)
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatalf("no %q within %s; stdout:\n%s\nstderr:\n%s", re, liveWait, r.stdout, r.stderr)
	return ""
}

// sseEvent is one server-sent event as a browser receives it.
type sseEvent struct{ name, data string }

type liveStream struct {
	events chan sseEvent
	cancel context.CancelFunc
	done   chan struct{}
}

func openLive(t *testing.T, base string) *liveStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(base, "/")+serve.LivePath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	st := &liveStream{events: make(chan sseEvent, 1024), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(st.done)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				st.events <- ev
				ev = sseEvent{}
			}
		}
	}()
	t.Cleanup(func() { cancel(); <-st.done })
	return st
}

// waitEvent waits for an event called name for which ok holds, skipping
// others (a save may bring a second rebuild).
func (st *liveStream) waitEvent(t *testing.T, name string, ok func(data string) bool) string {
	t.Helper()
	deadline := time.After(liveWait)
	var seen []string
	for {
		select {
		case ev := <-st.events:
			if ev.name == name && (ok == nil || ok(ev.data)) {
				return ev.data
			}
			seen = append(seen, ev.name+" "+ev.data)
		case <-deadline:
			t.Fatalf("no %s event within %s; saw %q", name, liveWait, seen)
		}
	}
}

// waitReload waits for a reload that names page among the changed files,
// or names none: a lazily rendered site reloads every page.
func (st *liveStream) waitReload(t *testing.T, page string) {
	t.Helper()
	st.waitEvent(t, "reload", func(data string) bool {
		var r struct{ Paths []string }
		json.Unmarshal([]byte(data), &r)
		return len(r.Paths) == 0 || slices.Contains(r.Paths, page)
	})
}

// eventually polls cond for up to liveWait.
func eventually(cond func() bool) bool {
	deadline := time.Now().Add(liveWait)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// rawRequest sends a request line exactly as written: Go's client would
// clean some of these paths before sending them.
func rawRequest(t *testing.T, base, target string) (int, string) {
	t.Helper()
	addr := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	conn, err := net.DialTimeout("tcp", addr, liveWait)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(liveWait))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
