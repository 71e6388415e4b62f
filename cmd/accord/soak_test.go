package main

import (
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/watch"
)

// TestServe_noGrowthOver1000Rebuilds runs serve's rebuild 1,000 times, one
// in ten of them broken, with pages listening on the live stream, and checks
// that goroutines come back to where they were. Heap figures are printed.
// Under -race it runs 100 rebuilds unless ACCORD_SOAK_N says otherwise:
//
//	go test ./cmd/accord -run 1000Rebuilds -v
//	ACCORD_SOAK_DIR=../../content ACCORD_SOAK_N=1000 go test ./cmd/accord -run 1000Rebuilds -v
func TestServe_noGrowthOver1000Rebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 rebuilds")
	}
	n := 1000
	if raceBuild {
		n = 100 // ~2 minutes for 1,000 under -race
	}
	if v, err := strconv.Atoi(os.Getenv("ACCORD_SOAK_N")); err == nil {
		n = v
	}
	dir := newMiniHandbook(t)
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
	s := &serveSession{
		opts:   generator.Options{Dir: dir, Name: "hb"},
		srv:    serve.New(),
		cache:  markdown.NewCache(),
		graphs: graphviz.New(t.TempDir()),
		stdout: io.Discard,
		diags:  diagPrinter{stderr: io.Discard},
	}
	defer s.graphs.Close()
	s.rebuild(t.Context(), nil)
	ts := httptest.NewServer(s.srv.Handler())
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
		s.rebuild(t.Context(), &watch.Batch{Paths: []string{policy}})
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
	s.srv.Close()
	ts.Close()
	s.graphs.Close() // its Graphviz worker has goroutines of its own
	eventually(func() bool { return runtime.NumGoroutine() <= baseG+2 })
	endG := runtime.NumGoroutine()
	t.Logf("%d rebuilds in %s (%.1f ms each), 3 pages listening; markdown cache: %d documents", n, took.Round(time.Millisecond), float64(took.Microseconds())/1000/float64(n), s.cache.Len())
	t.Logf("goroutines: %d before, %d after 10 rebuilds, %d after %d, %d after shutdown", baseG, g10, g1000, n, endG)
	t.Logf("heap in use: %.1f MB after 10 rebuilds, %.1f MB after %d; graphs: %+v", h10, h1000, n, s.graphs.Stats())
	if g1000 > g10+2 {
		t.Errorf("goroutines grew from %d to %d over %d rebuilds", g10, g1000, n)
	}
	if endG > baseG+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after shutdown, %d before:\n%s", endG, baseG, buf[:runtime.Stack(buf, true)])
	}
}
