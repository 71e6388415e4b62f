package validate_test

import (
	"os"
	"testing"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/validate"
)

// BenchmarkCheck runs the reference and RACI checks on a loaded handbook.
func BenchmarkCheck(b *testing.B) {
	for _, c := range synth.Corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			h, _ := load.Load(os.DirFS(c.Dir), c.Name)
			b.ReportAllocs()
			for b.Loop() {
				validate.Check(h)
			}
		})
	}
}

// BenchmarkLinks parses every Markdown source to check its links, as
// `accord check` does.
func BenchmarkLinks(b *testing.B) {
	for _, c := range synth.Corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			h, _ := load.Load(os.DirFS(c.Dir), c.Name)
			md := markdown.New(markdown.Options{})
			table := links.NewTable(h)
			n := len(validate.MarkdownDocs(h))
			b.ReportAllocs()
			for b.Loop() {
				validate.Links(h, table, validate.Scan(md))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
		})
	}
}
