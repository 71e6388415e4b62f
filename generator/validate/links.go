package validate

import (
	"errors"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/markdown"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// MarkdownDoc is one Markdown source with the text to parse, which starts
// after Line lines of the file (its front matter).
type MarkdownDoc struct {
	Src  *source.Doc
	Body []byte
	Line int
}

// MarkdownDocs lists every Markdown source of h in a stable order.
func MarkdownDocs(h *model.Handbook) []MarkdownDoc {
	var out []MarkdownDoc
	for _, r := range h.Roles {
		if r.Body != nil {
			out = append(out, MarkdownDoc{r.Body, r.Body.Text, 0})
		}
	}
	for _, p := range h.Policies {
		out = append(out, MarkdownDoc{p.Src, p.Body, p.BodyLine})
	}
	for _, p := range h.Pages {
		out = append(out, MarkdownDoc{p.Src, p.Body, p.BodyLine})
	}
	return out
}

// Dot is a ```dot block of a Markdown source; Pos is its opening fence.
type Dot struct {
	Pos    source.Pos
	Source string
}

// A Scanner returns the links, ```dot blocks and explicit heading ids of a
// Markdown source: what its page's render found, or a parse of its own
// (Scan).
type Scanner func(MarkdownDoc) markdown.Scanned

// Scan is the Scanner that parses each source with md. A source that
// Guards refuses is not parsed: the parser would take minutes on it, and
// Guards reports it.
func Scan(md *markdown.Renderer) Scanner {
	return func(d MarkdownDoc) markdown.Scanned {
		if markdown.Guard(d.Body) != nil {
			return markdown.Scanned{}
		}
		return md.Scan(d.Body)
	}
}

// Links checks every link and image of every Markdown source, as scan
// finds them: each must resolve to a page or an asset of the handbook, and
// its #fragment to an element of that page; and no heading's explicit
// {#id} may be one accord's pages use themselves (markdown.IsReservedID).
// It returns every ```dot block, for the caller to lay out (a syntax error
// is a problem of the Markdown file, at its line).
//
// Parsing is most of the cost of `accord check` on a large handbook, so
// the sources are scanned in parallel, one worker per CPU, each once: a
// fragment may name a heading of any page, so every source is scanned
// before any link is checked. The results are in document order.
func Links(h *model.Handbook, table *links.Table, scan Scanner) (*source.List, []Dot) {
	docs := MarkdownDocs(h)
	found := make([]markdown.Scanned, len(docs))
	eachDoc(docs, func(i int, d MarkdownDoc) (source.List, []Dot) {
		found[i] = scan(d)
		return source.List{}, nil
	})
	anchors := NewAnchors(h, table, docs, found)
	return eachDoc(docs, func(i int, d MarkdownDoc) (source.List, []Dot) {
		return checkScanned(d, found[i], table, anchors)
	})
}

// Guards reports the Markdown sources the parser must not be given (too
// large, nested too deep, too many inline markers in a paragraph).
func Guards(h *model.Handbook) *source.List {
	diags, _ := eachDoc(MarkdownDocs(h), func(_ int, d MarkdownDoc) (source.List, []Dot) { return guard(d), nil })
	return diags
}

// eachDoc runs check on every document of docs on one worker per CPU and
// gathers the results in document order.
func eachDoc(docs []MarkdownDoc, check func(int, MarkdownDoc) (source.List, []Dot)) (*source.List, []Dot) {
	type result struct {
		diags source.List
		dots  []Dot
	}
	results := make([]result, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					return
				}
				results[i].diags, results[i].dots = check(i, docs[i])
			}
		}()
	}
	wg.Wait()
	diags := &source.List{}
	var dots []Dot
	for i := range results {
		diags.Add(&results[i].diags)
		dots = append(dots, results[i].dots...)
	}
	diags.Sort()
	return diags, dots
}

// guard reports a document the Markdown parser must not be given.
func guard(d MarkdownDoc) (diags source.List) {
	var (
		de *markdown.DepthError
		ie *markdown.InlineError
		se *markdown.SizeError
		te *markdown.TableError
		re *markdown.RefError
	)
	switch err := markdown.Guard(d.Body); {
	case errors.As(err, &se):
		diags.Errorf(d.Src.File(), "%d KB of Markdown, more than the %d KB a page may have: split it into pages", (se.Size+1023)>>10, se.Max>>10)
	case errors.As(err, &de):
		diags.Errorf(d.Src.Line(d.Line+de.Line), "Markdown nested more than %d levels deep (block quotes or lists): flatten it", markdown.MaxNesting)
	case errors.As(err, &ie):
		diags.Errorf(d.Src.Line(d.Line+ie.Line), "paragraph with more than %d links, emphasis and code markers ([, <, *, _, `, ~): split it with blank lines", markdown.MaxInlineMarkers)
	case errors.As(err, &te):
		diags.Errorf(d.Src.Line(d.Line+te.Line), "table of %d columns and %d rows (%d cells), more than the %d a table may have: split it", te.Cols, te.Rows, te.Cols*te.Rows, te.Max)
	case errors.As(err, &re):
		diags.Errorf(d.Src.Line(d.Line+re.Line), "link reference [%s] is used %d times and adds %d KB of link addresses to the page, more than the %d KB a page may have: shorten the address or use it less", re.Label, re.Uses, (re.Size+1023)>>10, re.Max>>10)
	}
	return diags
}

// checkScanned checks the links (and their fragments, against anchors)
// and heading ids found in one document and places its dot blocks in its
// file.
//
// A reserved id given explicitly is an error rather than renamed, as a
// heading whose text makes one is: the author chose it to link to, and a
// link to it would land on accord's element instead, without a word.
func checkScanned(d MarkdownDoc, found markdown.Scanned, table *links.Table, anchors *Anchors) (diags source.List, dots []Dot) {
	for _, ref := range found.Refs {
		at := source.Pos{File: d.Src.Name, Line: d.Line + ref.Line, Col: ref.Col}
		t, err := table.Resolve(d.Src.Path, ref.Dest, ref.Image)
		if err == nil {
			err = anchors.checkFragment(d.Src.Path, ref.Dest, t, table)
		}
		if err != nil {
			diags.Errorf(at, "%v", err)
		} else if t.Draft && !table.IsDraft(d.Src.Path) {
			diags.Warnf(at, "link %q leads to a draft, which accord build leaves out: the link is shown as plain text until it is published", ref.Dest)
		}
	}
	for _, id := range found.IDs {
		if markdown.IsReservedID(id.ID) {
			diags.Errorf(source.Pos{File: d.Src.Name, Line: d.Line + id.Line, Col: id.Col},
				"heading id %q is reserved: accord's pages give it to an element of their own (reserved: %s); choose another",
				id.ID, strings.Join(markdown.ReservedIDs(), ", "))
		}
	}
	for _, b := range found.Dots {
		pos := d.Src.Line(d.Line + b.Line)
		for _, l := range dotLinks(b.Source) {
			at := pos
			at.Line += l.line
			if !strings.HasPrefix(l.value, "#") {
				diags.Errorf(at, "dot graph: link %q: a dot block may link only to a #fragment of its page (link other pages from the text around the graph)", l.value)
			}
		}
		dots = append(dots, Dot{Pos: pos, Source: b.Source})
	}
	return diags, dots
}

// dotLink is a link attribute of a DOT text; line counts from its first
// line, 1-based.
type dotLink struct {
	line  int
	value string
}

// dotAttrs finds the attributes that Graphviz writes as links into the SVG,
// with a quoted, HTML-like or plain value.
var dotAttrs = regexp.MustCompile(`(?i)\b(?:URL|href|headURL|tailURL|labelURL|edgeURL|headhref|tailhref|labelhref|edgehref)\s*=\s*("(?:[^"\\]|\\.)*"|<[^>]*>|[^\s,;\]}]+)`)

// dotLinks returns the link attributes of a ```dot block.
func dotLinks(src string) []dotLink {
	var out []dotLink
	for _, m := range dotAttrs.FindAllStringSubmatchIndex(src, -1) {
		v := src[m[2]:m[3]]
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '<' && v[len(v)-1] == '>') {
			v = v[1 : len(v)-1]
		}
		out = append(out, dotLink{line: 1 + strings.Count(src[:m[0]], "\n"), value: v})
	}
	return out
}
