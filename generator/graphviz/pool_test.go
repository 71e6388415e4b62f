package graphviz

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRender_concurrent: go-graphviz corrupts itself under concurrent use;
// the Renderer must give each worker one layout at a time. Run with -race.
func TestRender_concurrent(t *testing.T) {
	r := New("")
	defer r.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 8*4)
	for g := range 8 {
		wg.Go(func() {
			for i := range 4 {
				dot := testDOT(1 + g*4 + i)
				svg, err := r.SVG(dot)
				if err == nil && !strings.Contains(string(svg), "</svg>") {
					err = fmt.Errorf("goroutine %d: truncated SVG", g)
				}
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if s := r.Stats(); s.Graphs != 32 || s.Layouts+s.CacheHits != 32 {
		t.Errorf("stats: %+v", s)
	}
}

// TestRender_sameGraphConcurrently: requests for one graph that arrive
// while it is being laid out wait for that layout instead of running their
// own. Run with -race.
func TestRender_sameGraphConcurrently(t *testing.T) {
	dot := testDOT(60)
	tests := []struct {
		name   string
		disk   bool
		inProc bool
	}{
		{"workers, memory only", false, false},
		{"workers, disk cache", true, false},
		{"in-process", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := ""
			if tt.disk {
				dir = t.TempDir()
			}
			r := New(dir)
			defer r.Close()
			r.inProc = tt.inProc
			const n = 16
			got := make([][]byte, n)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					<-start
					svg, err := r.SVGWithTitle(dot, "title")
					if err != nil {
						t.Error(err)
					}
					got[i] = svg
				})
			}
			close(start)
			wg.Wait()
			for i := range got {
				if string(got[i]) != string(got[0]) {
					t.Fatalf("request %d got another SVG", i)
				}
			}
			if s := r.Stats(); s.Graphs != n || s.Layouts != 1 || s.CacheHits != n-1 || s.Workers != 1 {
				t.Errorf("stats %+v, want %d graphs from one layout in one worker", s, n)
			}
			if tt.disk {
				if files, _ := filepath.Glob(filepath.Join(dir, "[^.]*")); len(files) != 1 {
					t.Errorf("cache folder holds %q, want one file", files)
				}
			}
		})
	}
}

// TestRender_pool: distinct graphs requested at once are laid out by at
// most maxWorkers workers, retired and replaced as they grow, and Close
// in the middle of it loses no layout. Run with -race.
func TestRender_pool(t *testing.T) {
	var dots []string
	for n := range 40 {
		dots = append(dots, testDOT(n+1))
	}
	tests := []struct {
		name       string
		maxWorkers int
		heapMax    uint64
		close      bool
	}{
		{"three workers", 3, WorkerHeapLimit, false},
		{"one worker", 1, WorkerHeapLimit, false},
		{"retired after each layout", 2, 1, false},
		{"closed meanwhile", 3, WorkerHeapLimit, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New("")
			r.maxWorkers, r.heapMax = tt.maxWorkers, tt.heapMax
			next := make(chan string)
			var wg sync.WaitGroup
			for range 6 {
				wg.Go(func() {
					for dot := range next {
						svg, err := r.SVG(dot)
						if err != nil || !strings.HasSuffix(string(svg), "</svg>") {
							t.Errorf("%v: %.80s", err, svg)
						}
					}
				})
			}
			for i, dot := range dots {
				if tt.close && i%10 == 5 {
					r.Close()
				}
				next <- dot
			}
			close(next)
			wg.Wait()
			s := r.Stats()
			if s.Graphs != len(dots) || s.Layouts != len(dots) {
				t.Errorf("stats %+v, want %d layouts", s, len(dots))
			}
			if tt.heapMax == WorkerHeapLimit && !tt.close && s.Workers > tt.maxWorkers {
				t.Errorf("%d workers started, at most %d may run", s.Workers, tt.maxWorkers)
			}
			if tt.heapMax == 1 && s.Workers != len(dots) {
				t.Errorf("%d workers started, want one per layout", s.Workers)
			}
			r.mu.Lock()
			idle, live := len(r.idle), r.live
			r.mu.Unlock()
			if live != idle || live > tt.maxWorkers {
				t.Errorf("%d workers live, %d idle, after every layout ended", live, idle)
			}
			r.Close()
			if r.live != 0 || len(r.idle) != 0 {
				t.Errorf("after Close: %d live, %d idle", r.live, len(r.idle))
			}
		})
	}
}

// TestRender_workerRecovers: a layout past the timeout kills the worker and
// fails; a worker that dies between calls is replaced without an error.
func TestRender_workerRecovers(t *testing.T) {
	r := New("")
	defer r.Close()
	big := testDOT(200)
	if _, err := r.SVG("digraph { a -> b }"); err != nil {
		t.Fatal(err)
	}
	r.timeout = time.Millisecond
	if _, err := r.SVG(big); !errors.Is(err, errTimeout) {
		t.Fatalf("want a timeout, got %v", err)
	}
	r.timeout = LayoutTimeout
	if _, err := r.SVG("digraph { b -> c }"); err != nil {
		t.Fatal(err)
	}
	if len(r.idle) != 1 {
		t.Fatalf("%d idle workers after serial layouts, want 1", len(r.idle))
	}
	r.idle[0].kill()
	<-r.idle[0].done
	if _, err := r.SVG("digraph { c -> d }"); err != nil {
		t.Fatalf("after the worker died: %v", err)
	}
	if s := r.Stats(); s.Workers != 3 {
		t.Errorf("want 3 workers started (first, after the timeout, after the kill): %+v", s)
	}
}

func TestRender_inProcess(t *testing.T) {
	r := New("")
	r.inProc = true
	svg, err := r.SVG(testDOT(12))
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, svg, "index.html", testPages(12))
}

// TestRender_recycles: a worker past its heap limit is replaced, and the
// next graph renders on a new one.
func TestRender_recycles(t *testing.T) {
	r := New("")
	defer r.Close()
	r.heapMax = 1
	for i := range 3 {
		if _, err := r.SVG(fmt.Sprintf("digraph { a%d -> b }", i)); err != nil {
			t.Fatal(err)
		}
	}
	if s := r.Stats(); s.Workers != 3 || s.Layouts != 3 {
		t.Errorf("want a worker per layout: %+v", s)
	}
}

// BenchmarkMemory renders 300 distinct graphs of 60 boxes and reports the
// heap this process keeps per render, the worker's heap at the end and how
// many workers it took; the in-process variant shows the leak the worker
// exists to contain. Run with -benchtime=1x.
func BenchmarkMemory(b *testing.B) {
	dot := testDOT(60)
	for _, mode := range []string{"worker", "in-process"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				r := New("")
				r.inProc = mode == "in-process"
				before := heapInUse()
				for i := range 300 {
					if _, err := r.SVG(dot + "// " + strconv.Itoa(i) + "\n"); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(heapInUse()-before)/300, "heap-B/render")
				if len(r.idle) > 0 {
					b.ReportMetric(float64(r.idle[0].heap)/(1<<20), "worker-heap-MB")
				}
				b.ReportMetric(float64(r.Stats().Workers), "workers")
				b.ReportMetric(float64(rss())/(1<<20), "rss-MB")
				r.Close()
			}
		})
	}
}

func heapInUse() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapInuse)
}

// rss is this process's resident set (Linux), 0 elsewhere.
func rss() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
