package generator

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/site"
)

// BenchmarkCompile checks and renders a whole handbook in memory (no
// writing): without graphs, and with every graph from a warm cache. It
// reports the largest live heap seen after a GC during the runs (MB-peak)
// and the heap live when Compile returns, the whole site being held
// (MB-live). With ACCORD_BENCH_HEAPPROFILE=FILE it writes heap profiles of
// both moments, FILE.<corpus>.peak and FILE.<corpus>.end
// (go tool pprof -sample_index=inuse_space FILE...).
func BenchmarkCompile(b *testing.B) {
	for _, c := range synth.Corpora(b) {
		for _, graphs := range []bool{false, true} {
			name := c.Name + "/nographs"
			if graphs {
				name = c.Name + "/graphs-warm"
			}
			b.Run(name, func(b *testing.B) {
				opts := Options{Dir: c.Dir, NoGraphs: !graphs}
				if graphs {
					opts.Graphs = graphviz.New(b.TempDir())
					defer opts.Graphs.Close()
					if _, _, err := Compile(context.Background(), opts); err != nil {
						b.Skip("cannot warm the graph cache: ", err)
					}
				}
				var files []site.File
				watch := watchPeak(os.Getenv("ACCORD_BENCH_HEAPPROFILE") != "")
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if files, _, err = Compile(context.Background(), opts); err != nil {
						b.Fatal(err)
					}
				}
				peak, peakProfile := watch()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if p := os.Getenv("ACCORD_BENCH_HEAPPROFILE"); p != "" {
					os.WriteFile(p+"."+c.Name+".peak", peakProfile, 0o644)
					if f, err := os.Create(p + "." + c.Name + ".end"); err == nil {
						pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
				b.ReportMetric(float64(peak)/(1<<20), "MB-peak")
				size := 0
				for _, f := range files {
					size += len(f.Data)
				}
				if os.Getenv("ACCORD_BENCH_BIGFILES") != "" {
					big := slices.SortedFunc(slices.Values(files), func(a, b site.File) int { return len(b.Data) - len(a.Data) })
					for _, f := range big[:min(8, len(big))] {
						b.Logf("%8.1f MB  %s", float64(len(f.Data))/(1<<20), f.Path)
					}
				}
				b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-live")
				b.ReportMetric(float64(size)/(1<<20), "MB-site")
				b.ReportMetric(float64(len(files)), "files")
				runtime.KeepAlive(files)
			})
		}
	}
}

// watchPeak polls the live heap (as of the last GC) until the returned stop
// is called, and returns its largest value and, when profile is set, a heap
// profile taken when that value was first seen.
func watchPeak(profile bool) (stop func() (uint64, []byte)) {
	done := make(chan struct{})
	var peak uint64
	var prof bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak {
				peak = v
				if profile {
					prof.Reset()
					pprof.Lookup("heap").WriteTo(&prof, 0)
				}
			}
		}
	}()
	return func() (uint64, []byte) {
		close(done)
		wg.Wait()
		return peak, prof.Bytes()
	}
}
