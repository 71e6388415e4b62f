package render_test

import (
	"context"
	"os"
	"testing"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/templates"
	theme "github.com/accord-handbook/accord/themes/default"
)

// BenchmarkSite renders every page of a checked handbook in memory, without
// graphs (their layout is cached by generator/graphviz and benchmarked in
// generator/graph): the Markdown, templates, search index, model.json,
// print and onboarding pages.
func BenchmarkSite(b *testing.B) {
	for _, c := range synth.Corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			src := os.DirFS(c.Dir)
			ch := generator.Check(generator.Options{FS: src, Name: c.Name, NoGraphs: true})
			if err := ch.Diags.Err(); err != nil {
				b.Fatal(err)
			}
			in := render.Input{Handbook: ch.Handbook, Markdown: markdown.New(markdown.Options{}), Links: links.NewTable(ch.Handbook),
				Source: src, Templates: templates.FS, Theme: theme.FS}
			var files []site.File
			b.ReportAllocs()
			for b.Loop() {
				var out site.Memory
				if _, err := render.Site(context.Background(), in, &out); err != nil {
					b.Fatal(err)
				}
				files = out.Files()
			}
			var size int
			for _, f := range files {
				size += len(f.Data)
			}
			b.ReportMetric(float64(len(files)), "files")
			b.ReportMetric(float64(size)/(1<<20), "MB")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
		})
	}
}
