package markdown

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzRender checks that no input panics, hangs, lets a dangerous URL into an
// href or src, yields a Ref outside the source, or nests deeper than
// CheckDepth promised.
func FuzzRender(f *testing.F) {
	for _, in := range goldenInputs(f) {
		f.Add(in)
	}
	if bench, err := os.ReadFile("testdata/bench.md"); err == nil {
		f.Add(bench)
	}
	for _, s := range []string{
		"> - > 1. [^a]: : x\n", "- a\n  - b\n\t- c\n", "[x]: <>\n[x]\n", "![a](<b c> 'd')",
		"[a](javascript:x) <vbscript:y> ![i](data:text/html,z)", "# a {#b}\n# b\n", "中文\n**中文**\n",
	} {
		f.Add([]byte(s))
	}
	safe, raw := New(Options{}), New(Options{RawHTML: true})
	dot := func(b DotBlock) ([]byte, bool) { return []byte("<svg></svg>"), b.Index%2 == 0 }
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		for _, r := range []*Renderer{safe, raw} {
			res, err := r.Render(src, mdToHTML, dot)
			if err != nil && Guard(src) == nil { // only what Guard refuses may fail
				t.Fatalf("Render: %v", err)
			}
			if err == nil {
				checkNoDangerousURL(t, []byte(res.HTML))
			}
		}
		checkRefs(t, src, safe.Refs(src))
		checkDepthPromise(t, safe, src)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%d bytes took %v", len(src), d)
		}
	})
}

func checkNoDangerousURL(t *testing.T, html []byte) {
	lower := bytes.ToLower(html)
	for _, attr := range []string{`href="`, `src="`} {
		for rest := lower; ; {
			i := bytes.Index(rest, []byte(attr))
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			for _, bad := range []string{"javascript:", "vbscript:", "file:"} {
				if bytes.HasPrefix(rest, []byte(bad)) {
					t.Fatalf("%s%s reached the output:\n%s", attr, bad, html)
				}
			}
			if i := bytes.IndexAny(rest, `:/?#"`); i >= 0 && rest[i] == ':' && (attr == `src="` || !AllowedScheme(string(rest[:i]))) {
				t.Fatalf("%s%s reached the output:\n%s", attr, rest[:i+1], html)
			}
		}
	}
}

// checkRefs: every Ref lies inside src; raw HTML may hold href="javascript:"
// legitimately in RawHTML mode, which is why only the safe renderer is checked.
func checkRefs(t *testing.T, src []byte, refs []Ref) {
	lines := strings.Split(string(src), "\n")
	for _, r := range refs {
		if r.Line < 1 || r.Line > len(lines) {
			t.Fatalf("%+v: line outside 1..%d", r, len(lines))
		}
		if n := utf8.RuneCountInString(lines[r.Line-1]); r.Col < 1 || r.Col > n+1 {
			t.Fatalf("%+v: column outside 1..%d", r, n+1)
		}
	}
}

// checkDepthPromise: when CheckDepth accepts src at a small limit, goldmark's
// tree really is no deeper, so the guard cannot be bypassed.
func checkDepthPromise(t *testing.T, r *Renderer, src []byte) {
	const limit = 6
	if _, ok := CheckDepth(src, limit); !ok {
		return
	}
	doc := r.md.Parser().Parse(text.NewReader(src))
	if d := containerDepth(doc); d > limit {
		t.Fatalf("CheckDepth accepted input nested %d deep (limit %d)", d, limit)
	}
}

// containerDepth counts the nesting of the block containers CheckDepth models.
func containerDepth(n ast.Node) int {
	deepest := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		deepest = max(deepest, containerDepth(c))
	}
	switch n.(type) {
	case *ast.Blockquote, *ast.ListItem, *east.Footnote, *east.DefinitionDescription:
		return deepest + 1
	}
	return deepest
}
