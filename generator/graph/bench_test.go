package graph

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/urls"
)

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

func BenchmarkDepartment200(b *testing.B) {
	h := synthetic(200)
	b.Run("dot", func(b *testing.B) {
		for b.Loop() {
			Department(h, urls.Home)
		}
	})
	dot, _ := Department(h, urls.Home)
	r := New("")
	defer r.Close()
	if _, err := r.SVG(dot); err != nil { // start the worker outside the timing
		b.Fatal(err)
	}
	b.Run("layout", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++ // a comment makes the text, hence the cache key, new
			if _, err := r.SVG(dot + "// " + strconv.Itoa(i) + "\n"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := r.SVG(dot); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("disk", func(b *testing.B) {
		dir := b.TempDir()
		warm := New(dir)
		warm.SVG(dot)
		warm.Close()
		for b.Loop() {
			if _, err := New(dir).SVG(dot); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMemory renders 300 distinct graphs (a 60-role org chart, ~40 KB
// of SVG each) and reports the heap this process keeps per render, the
// worker's heap at the end and how many workers it took; the in-process
// variant shows the leak the worker exists to contain. Run with
// -benchtime=1x.
func BenchmarkMemory(b *testing.B) {
	dot, _ := OrgChart(synthetic(60), urls.Teams)
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
