package search_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/generator/validate"
)

type corpus struct {
	name string
	html [][]byte     // rendered Markdown bodies
	docs []search.Doc // what render indexes: a document per body and per section
}

// corpora renders every Markdown body of each handbook once and splits it
// into search documents the way render does.
func corpora(b *testing.B) []corpus {
	var out []corpus
	r := markdown.New(markdown.Options{})
	for _, c := range synth.Corpora(b) {
		h, _ := load.Load(os.DirFS(c.Dir), c.Name)
		cp := corpus{name: c.Name}
		for _, d := range validate.MarkdownDocs(h) {
			res, err := r.Render(d.Body, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			cp.html = append(cp.html, []byte(res.HTML))
			for _, s := range search.Sections([]byte(res.HTML)) {
				cp.docs = append(cp.docs, search.NewDoc("section", d.Src.Path+" › "+s.Title, d.Src.Path+"#"+s.ID, s.Text))
			}
		}
		for _, w := range h.Workflows {
			cp.docs = append(cp.docs, search.NewDoc("workflow", w.Name, w.ID, w.Summary))
			for _, s := range w.Steps {
				cp.docs = append(cp.docs, search.NewDoc("step", w.Name+" › "+s.Name, w.ID+"#"+s.ID, s.Name))
			}
		}
		out = append(out, cp)
	}
	return out
}

// BenchmarkBuild builds the search index of every document of a handbook.
func BenchmarkBuild(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var idx search.Index
			for b.Loop() {
				idx = search.Build(c.docs)
			}
			b.ReportMetric(float64(len(idx.JS)), "index-bytes")
			b.ReportMetric(float64(idx.Docs), "docs")
		})
	}
}

// BenchmarkSections splits rendered pages into the text under each heading,
// as render does for the index and for reading times.
func BenchmarkSections(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, h := range c.html {
					search.Sections(h)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.html)), "ns/page")
		})
	}
}

// BenchmarkText strips the tags of rendered pages (render.measure).
func BenchmarkText(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, h := range c.html {
					search.Text(string(h))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.html)), "ns/page")
		})
	}
}

// BenchmarkWrite writes the search index to a file in a build's two ways:
// built in memory, then written (Build), and streamed to it (BuildTo).
// Set TMPDIR to a tmpfs to leave the disk out.
func BenchmarkWrite(b *testing.B) {
	for _, c := range corpora(b) {
		name := filepath.Join(b.TempDir(), "search-index.js")
		b.Run(c.name+"/memory", func(b *testing.B) {
			for b.Loop() {
				if err := os.WriteFile(name, search.Build(c.docs).JS, 0o644); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/streamed", func(b *testing.B) {
			for b.Loop() {
				f, err := os.Create(name)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := search.BuildTo(f, c.docs); err != nil {
					b.Fatal(err)
				}
				if err := f.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
