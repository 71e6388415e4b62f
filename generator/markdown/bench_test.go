package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
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

// BenchmarkGlossaryFind finds every term's first use, paragraph by
// paragraph, as linkTerms does: in the shipped handbook's Markdown with its
// glossary, and in 800 KB of text with 20,000 terms sharing their first
// character.
func BenchmarkGlossaryFind(b *testing.B) {
	var doc struct {
		Term []struct {
			Term    string
			Aliases []string
		}
	}
	if _, err := toml.DecodeFile("../../content/glossary.toml", &doc); err != nil {
		b.Fatal(err)
	}
	var shipped [][]string
	for _, t := range doc.Term {
		shipped = append(shipped, append([]string{t.Term}, t.Aliases...))
	}
	var text strings.Builder
	for _, dir := range []string{"pages", "pages/runbooks", "policies", "roles"} {
		files, _ := filepath.Glob(filepath.Join("../../content", dir, "*.md"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			text.Write(src)
		}
	}
	var shared [][]string
	for i := range 20_000 {
		shared = append(shared, []string{fmt.Sprintf("信%d号", i)})
	}
	for _, c := range []struct {
		name    string
		entries [][]string
		text    string
	}{
		{"shipped", shipped, text.String()},
		{"shared-first-character", shared, strings.Repeat("信用证与信息在信封里，信任。\n\n", 20_000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			g := NewGlossary(c.entries)
			paras := strings.Split(c.text, "\n\n")
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				linked := make([]bool, len(c.entries))
				for _, p := range paras {
					for s := p; ; {
						i, j, e := g.find(s, linked)
						if i < 0 {
							break
						}
						linked[e] = true
						s = s[j:]
					}
				}
			}
		})
	}
}
