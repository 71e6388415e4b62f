package markdown

import (
	"os"
	"testing"
)

// BenchmarkRender renders a ~3 KB mixed Chinese/English policy page with a
// table, lists, a quote, footnote, definitions, links and a dot block.
func BenchmarkRender(b *testing.B) {
	src, err := os.ReadFile("testdata/bench.md")
	if err != nil {
		b.Fatal(err)
	}
	r := New(Options{})
	dot := func(DotBlock) ([]byte, bool) { return []byte("<svg></svg>"), true }
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(src, mdToHTML, dot); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRefs(b *testing.B) {
	src, err := os.ReadFile("testdata/bench.md")
	if err != nil {
		b.Fatal(err)
	}
	r := New(Options{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r.Refs(src)
	}
}

func BenchmarkCheckDepth(b *testing.B) {
	src, err := os.ReadFile("testdata/bench.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		CheckDepth(src, MaxNesting)
	}
}
