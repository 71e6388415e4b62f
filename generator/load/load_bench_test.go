package load_test

import (
	"os"
	"testing"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/load"
)

// BenchmarkLoad reads and decodes every source file: the shipped handbook,
// the large synthetic one (bench/synth) and ACCORD_BENCH_CORPUS if set.
func BenchmarkLoad(b *testing.B) {
	for _, c := range synth.Corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			fsys := os.DirFS(c.Dir)
			h, _ := load.Load(fsys, c.Name)
			files := len(h.Roles) + len(h.Workflows) + len(h.Policies) + len(h.Pages) + 3
			for _, r := range h.Roles {
				if r.Body != nil {
					files++
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				load.Load(fsys, c.Name)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(files), "ns/file")
		})
	}
}
