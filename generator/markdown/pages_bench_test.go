package markdown_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/validate"
)

type corpus struct {
	name  string
	h     *model.Handbook
	docs  []validate.MarkdownDoc
	bytes int64
}

func corpora(b *testing.B) []corpus {
	var out []corpus
	for _, c := range synth.Corpora(b) {
		h, _ := load.Load(os.DirFS(c.Dir), c.Name)
		cp := corpus{name: c.Name, h: h, docs: validate.MarkdownDocs(h)}
		for _, d := range cp.docs {
			cp.bytes += int64(len(d.Body))
		}
		out = append(out, cp)
	}
	return out
}

func perPage(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
}

// BenchmarkRenderPages renders every Markdown source of a handbook as the
// site does: links resolved through the link table, glossary terms linked.
func BenchmarkRenderPages(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			r := markdown.New(markdown.Options{})
			table := links.NewTable(c.h)
			var words [][]string
			for _, t := range c.h.Terms {
				words = append(words, append([]string{t.Term}, t.Aliases...))
			}
			var gl *markdown.Glossary
			if len(words) > 0 {
				gl = markdown.NewGlossary(words)
			}
			b.SetBytes(c.bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range c.docs {
					p := markdown.Page{
						Resolve: func(dest string, image bool) (string, bool) {
							t, err := table.Resolve(d.Src.Path, dest, image)
							return t.Site, err == nil && !t.External
						},
						Glossary:     gl,
						GlossaryLink: func(i int) (string, string) { return "glossary.html#t", "" },
					}
					if _, err := r.RenderPage(d.Body, p); err != nil {
						b.Fatal(err)
					}
				}
			}
			perPage(b, len(c.docs))
		})
	}
}

// BenchmarkGoldmarkAlone is the floor: plain goldmark with GFM converting
// the same sources to HTML, no link resolution, ids, glossary or checks.
func BenchmarkGoldmarkAlone(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			md := goldmark.New(goldmark.WithExtensions(extension.GFM))
			var buf bytes.Buffer
			b.SetBytes(c.bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range c.docs {
					buf.Reset()
					if err := md.Convert(d.Body, &buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			perPage(b, len(c.docs))
		})
	}
}

// BenchmarkGoldmarkParse is goldmark's parser alone over the same sources:
// what `accord check` pays per page to find links.
func BenchmarkGoldmarkParse(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			md := goldmark.New(goldmark.WithExtensions(extension.GFM))
			b.SetBytes(c.bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range c.docs {
					md.Parser().Parse(text.NewReader(d.Body))
				}
			}
			perPage(b, len(c.docs))
		})
	}
}

// BenchmarkGuard is the checks that keep goldmark fast (size, nesting,
// inline markers), which run on every source before it is parsed.
func BenchmarkGuard(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(c.bytes)
			for b.Loop() {
				for _, d := range c.docs {
					if err := markdown.Guard(d.Body); err != nil {
						b.Fatal(err)
					}
				}
			}
			perPage(b, len(c.docs))
		})
	}
}

// BenchmarkGuard_hostile: pages of 1 MB (MaxSize) built to make the
// guards slow, which they must refuse or pass in about the time of a page
// of text: 25 blocks of 9,999 delimiter rows each (a quadratic table count
// took 13 s over it), and 250,000 lines of link reference definitions.
func BenchmarkGuard_hostile(b *testing.B) {
	block := append(bytes.Repeat([]byte("|-|\n"), 9999), '\n')
	pages := map[string][]byte{
		"delimiter-rows": bytes.Repeat(block, 25),
		"definitions":    bytes.Repeat([]byte("[a]: b\n"), markdown.MaxSize/8),
	}
	for _, name := range []string{"delimiter-rows", "definitions"} {
		src := pages[name][:min(len(pages[name]), markdown.MaxSize)]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				markdown.Guard(src)
			}
		})
	}
}
