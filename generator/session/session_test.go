package session

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/watch"
	"github.com/accord-handbook/accord/internal/testhb"
)

// TestServe_panicInBuildIsReported: a bug that panics during a rebuild is
// shown like a handbook error, and the last good site stays served.
func TestServe_panicInBuildIsReported(t *testing.T) {
	var stdout, stderr syncBuffer
	s := New(Config{Dir: testhb.Dir(t, testhb.Mini), Name: "hb", Stdout: &stdout, Stderr: &stderr, NoGraphs: true})
	defer s.Close()
	srv := serve.New()
	s.rebuildServed(t.Context(), srv, nil)
	s.compile = func(context.Context, generator.Options) ([]site.File, *generator.Checked, error) {
		panic("boom")
	}
	s.rebuildServed(t.Context(), srv, &watch.Batch{Paths: []string{"x"}})
	ps := srv.Problems()
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "internal error") || !strings.Contains(ps[0].Message, "boom") {
		t.Errorf("problems after a panic: %+v", ps)
	}
	if !strings.Contains(stderr.String(), "panic") && !strings.Contains(stderr.String(), "boom") {
		t.Errorf("stderr does not report the panic:\n%s", stderr.String())
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 {
		t.Errorf("home after a panicking rebuild: %d", rec.Code)
	}
	s.compile = nil
	s.rebuildServed(t.Context(), srv, &watch.Batch{Paths: []string{"x"}})
	if ps := srv.Problems(); len(ps) != 0 {
		t.Errorf("problems after a good rebuild: %+v", ps)
	}
}

// TestServe_noGrowthOver1000Rebuilds runs serve's rebuild 1,000 times, one
// in ten of them broken, with pages listening on the live stream, and checks
// that goroutines come back to where they were. Heap figures are printed.
// Under -race it runs 100 rebuilds unless ACCORD_SOAK_N says otherwise:
//
//	go test ./generator/session -run 1000Rebuilds -v
//	ACCORD_SOAK_DIR=../../content ACCORD_SOAK_N=1000 go test ./generator/session -run 1000Rebuilds -v
func TestServe_noGrowthOver1000Rebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 rebuilds")
	}
	n := 1000
	if testhb.Race {
		n = 100
	}
	if v, err := strconv.Atoi(os.Getenv("ACCORD_SOAK_N")); err == nil {
		n = v
	}
	dir := testhb.Dir(t, testhb.Mini)
	if src := os.Getenv("ACCORD_SOAK_DIR"); src != "" {
		dir = filepath.Join(t.TempDir(), "hb")
		if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	// Edit the handbook's first policy, so that any handbook will do.
	policies, _ := filepath.Glob(filepath.Join(dir, "policies", "*.md"))
	if len(policies) == 0 {
		t.Fatalf("%s has no policy to edit", dir)
	}
	policy := policies[0]
	orig, err := os.ReadFile(policy)
	if err != nil {
		t.Fatal(err)
	}
	front := string(orig)

	runtime.GC()
	baseG := runtime.NumGoroutine()
	gr := graphviz.New(t.TempDir())
	defer gr.Close()
	s := New(Config{Dir: dir, Name: "hb", Stdout: io.Discard, Stderr: io.Discard, Graphs: gr})
	srv := serve.New()
	s.rebuildServed(t.Context(), srv, nil)
	ts := httptest.NewServer(srv.Handler())
	var pages []*liveStream
	for range 3 {
		pages = append(pages, openLive(t, ts.URL))
	}
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapInuse) / (1 << 20)
	}
	var g10, g1000 int
	var h10, h1000 float64
	start := time.Now()
	for i := range n {
		text := front + fmt.Sprintf("\nEdit %d.\n", i)
		if i%10 == 5 {
			text = "+++\ntitle = broken\n" // a save that breaks the handbook
		}
		if err := os.WriteFile(policy, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s.rebuildServed(t.Context(), srv, &watch.Batch{Paths: []string{policy}})
		for _, p := range pages {
			for len(p.events) > 0 {
				<-p.events
			}
		}
		if i == 9 {
			g10, h10 = runtime.NumGoroutine(), heap()
		}
	}
	took := time.Since(start)
	g1000, h1000 = runtime.NumGoroutine(), heap()
	for _, p := range pages {
		p.cancel()
		<-p.done
	}
	srv.Close()
	ts.Close()
	gr.Close() // its Graphviz worker has goroutines of its own
	eventually(func() bool { return runtime.NumGoroutine() <= baseG+2 })
	endG := runtime.NumGoroutine()
	t.Logf("%d rebuilds in %s (%.1f ms each), 3 pages listening; markdown cache: %d documents", n, took.Round(time.Millisecond), float64(took.Microseconds())/1000/float64(n), s.cache.Len())
	t.Logf("goroutines: %d before, %d after 10 rebuilds, %d after %d, %d after shutdown", baseG, g10, g1000, n, endG)
	t.Logf("heap in use: %.1f MB after 10 rebuilds, %.1f MB after %d; graphs: %+v", h10, h1000, n, gr.Stats())
	if g1000 > g10+2 {
		t.Errorf("goroutines grew from %d to %d over %d rebuilds", g10, g1000, n)
	}
	if endG > baseG+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after shutdown, %d before:\n%s", endG, baseG, buf[:runtime.Stack(buf, true)])
	}
}

// syncBuffer is an io.Writer a test can read while the session writes.
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

// liveStream is a page listening for reloads.
type liveStream struct {
	events chan string
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
	st := &liveStream{events: make(chan string, 1024), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(st.done)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				st.events <- name
			}
		}
	}()
	t.Cleanup(func() { cancel(); <-st.done })
	return st
}

// eventually polls cond for up to five seconds.
func eventually(cond func() bool) bool {
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
