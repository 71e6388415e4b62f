package serve

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/site"

	"github.com/accord-handbook/accord/generator/source"
)

// TestServe_noGrowthOver1000Swaps swaps 1,000 sites and breaks every tenth
// build while pages stay connected and others come and go. Goroutines must
// return to the baseline; the heap figures are printed, not asserted.
func TestServe_noGrowthOver1000Swaps(t *testing.T) {
	runtime.GC()
	baseG := runtime.NumGoroutine()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)

	s := New()
	ts := newTestServer(t, s)
	var streams []*stream
	for range 5 {
		streams = append(streams, openStream(t, ts.URL))
	}
	files := site1()
	for i := range 1000 {
		files[0].Data = fmt.Appendf(nil, "<p>home %d</p>", i)
		files = append(files[:len(site1())], site.File{Path: fmt.Sprintf("pages/p%d.html", i%7), Data: make([]byte, 4096)})
		want := 1
		if i%10 == 9 {
			s.SetProblems([]source.Diagnostic{{Pos: source.Pos{File: "x.toml", Line: i}, Msg: "broken"}})
		} else {
			if i%10 == 0 && i > 0 {
				want = 2 // "ok", then "reload"
			}
			s.SetProblems(nil)
			s.Swap(files)
		}
		if i%50 == 0 {
			st := openStream(t, ts.URL)
			st.close()
		}
		// Read as a browser would, so that no page is dropped for
		// falling behind and all five stay connected throughout.
		for _, st := range streams {
			for range want {
				st.next(t)
			}
		}
	}
	midG := runtime.NumGoroutine()
	for _, st := range streams {
		st.close()
	}
	s.Close()
	ts.Close()
	deadline := time.Now().Add(wait)
	for runtime.NumGoroutine() > baseG+2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	endG := runtime.NumGoroutine()
	t.Logf("goroutines: %d before, %d with 5 live pages after 1,000 swaps, %d after shutdown; heap in use %.1f MB before, %.1f MB after",
		baseG, midG, endG, float64(m0.HeapInuse)/(1<<20), float64(m1.HeapInuse)/(1<<20))
	if endG > baseG+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after shutdown, %d before:\n%s", endG, baseG, buf[:runtime.Stack(buf, true)])
	}
}
