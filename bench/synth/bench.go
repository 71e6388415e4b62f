package synth

import (
	"os"
	"path/filepath"
	"sync"
)

// TB is the part of testing.TB that the helpers below use.
type TB interface {
	Helper()
	TempDir() string
	Fatal(args ...any)
	Skip(args ...any)
}

// ForBenchmark writes a handbook of size o into a temporary folder of tb
// (removed when the benchmark ends) and returns the folder.
func ForBenchmark(tb TB, o Options) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "handbook")
	if _, err := Write(dir, o); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// Corpus is a handbook folder that benchmarks run on.
type Corpus struct {
	Name string
	Dir  string
}

// Corpora are the handbooks a stage benchmark runs on: the shipped one
// (content/ of this module), the large synthetic one (Default, written into
// a temporary folder), and, when ACCORD_BENCH_CORPUS names a folder, that
// one too (for instance the 5,000-page corpus of gencorpus.py --flavor accord).
func Corpora(tb TB) []Corpus {
	tb.Helper()
	out := []Corpus{{"content", filepath.Join(moduleRoot(tb), "content")}}
	out = append(out, Corpus{"synthetic", ForBenchmark(tb, Default())})
	if d := os.Getenv("ACCORD_BENCH_CORPUS"); d != "" {
		out = append(out, Corpus{"corpus", d})
	}
	return out
}

var (
	rootOnce sync.Once
	root     string
)

// moduleRoot is the folder of go.mod, found upwards from the working
// directory (a test runs in its package's folder).
func moduleRoot(tb TB) string {
	rootOnce.Do(func() {
		d, _ := os.Getwd()
		for d != filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				root = d
				return
			}
			d = filepath.Dir(d)
		}
	})
	if root == "" {
		tb.Fatal("go.mod not found above the working directory")
	}
	return root
}
