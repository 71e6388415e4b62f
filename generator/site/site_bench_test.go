package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator/site"
)

// outDir is where written sites go: tmpfs when there is one, because on a
// disk the deletion of a previous run's thousands of files slows file
// creation for minutes (see bench/README.md).
func outDir(b *testing.B) string {
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		d, err := os.MkdirTemp("/dev/shm", "accord-site-bench-")
		if err == nil {
			b.Cleanup(func() { os.RemoveAll(d) })
			return d
		}
	}
	return b.TempDir()
}

// files is a site of n pages of about 12 KB (an accord page of the
// 5,000-page corpus) in folders of 100, plus the theme.
func files(n int) []site.File {
	page := make([]byte, 12<<10)
	for i := range page {
		page[i] = "<p>外贸 handbook </p>\n"[i%24]
	}
	var out []site.File
	for i := range n {
		out = append(out, site.File{Path: fmt.Sprintf("pages/%03d/page-%05d.html", i/100, i), Data: page})
	}
	for i := range 20 {
		out = append(out, site.File{Path: fmt.Sprintf("_accord/theme-%02d.css", i), Data: page[:4096]})
	}
	return out
}

// BenchmarkWrite writes a whole site: a temp folder beside the output,
// every file, then the swap (and removal of the previous site).
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fs := files(n)
			out := filepath.Join(outDir(b), "public")
			b.SetBytes(int64(n) * 12 << 10)
			b.ReportAllocs()
			for b.Loop() {
				if err := site.Write(context.Background(), out, fs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(fs)), "ns/file")
		})
	}
}
