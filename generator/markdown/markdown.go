package markdown

import (
	"bufio"
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer; one Renderer is safe for concurrent use.
type Options struct {
	// RawHTML lets raw HTML in Markdown through (the handbook opted in). Default: dropped.
	RawHTML bool
}

// Renderer renders Markdown sources. Build one with New and share it: all
// per-document state lives in a parser.Context made for each call.
type Renderer struct {
	md      goldmark.Markdown
	rawHTML bool
	cache   *Cache // nil: render every time (see WithCache)
}

// New builds the goldmark pipeline once; Render and Refs only make a fresh
// parser context per call, so thousands of pages pay for setup once.
func New(opts Options) *Renderer {
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)),
	}
	transformers := []util.PrioritizedValue{
		// After the footnote (999) and table (0, 200) transformers have run,
		// so tables exist to be wrapped and links in footnotes are final.
		util.Prioritized(transformer{filterAttrs: !opts.RawHTML, rawHTML: opts.RawHTML}, 1000),
	}
	if opts.RawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			// Not extension.CJK: its east-asian line breaks also drop the break
			// before any link or emphasis ("see the\n[policy]" renders
			// "thepolicy"). The transformer does the Chinese part itself.
		),
		goldmark.WithParserOptions(
			// No parser.WithAutoHeadingID: goldmark would derive ids from the raw
			// Markdown line, markup included, before explicit ids are known. The
			// transformer assigns them from the heading's plain text instead.
			parser.WithAttribute(),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Renderer{md: md, rawHTML: opts.RawHTML}
}

// Resolver maps a destination as written in the source to the href/src to emit.
// ok=false leaves the destination unchanged; "" with ok=true writes a link
// as its text alone, without the link. It is called for links and images
// (autolinks are not), with backslash escapes and entities already resolved —
// the same string Refs reports. Whatever it returns is still checked: a
// dangerous URL is emptied.
type Resolver func(dest string, image bool) (out string, ok bool)

// Heading is a heading of the rendered document.
type Heading struct {
	Level int
	Text  string // plain text
	ID    string // the id attribute given to it
}

// DotBlock is a ```dot fenced code block; Line is its opening fence line in src.
type DotBlock struct {
	Index  int
	Line   int
	Source string
}

// Result of rendering one document.
type Result struct {
	HTML     string
	Headings []Heading
	Dots     []DotBlock // ```dot fenced blocks, in document order
	// Refs, IDs and Anchors are what Scan would return for the source,
	// when Page.Refs asked for them: the page's own parse serves the checks.
	Refs    []Ref
	IDs     []HeadingID
	Anchors []string
}

// Scanned is what Scan would have returned for the source: Refs, Dots,
// IDs and Anchors (Page.Refs asks for them).
func (res Result) Scanned() Scanned {
	return Scanned{Refs: res.Refs, Dots: res.Dots, IDs: res.IDs, Anchors: res.Anchors}
}

// DepthError reports Markdown nested too deeply to be parsed in reasonable time.
// Line is 1-based in the source given to Render; callers add the file name.
type DepthError struct {
	Line int
	Max  int
}

func (e *DepthError) Error() string {
	return fmt.Sprintf("markdown nested more than %d levels deep", e.Max)
}

// Render renders src to HTML. resolve may be nil.
// dotSVG, when non-nil, is called for every ```dot fenced block (index = order of
// the block in the doc) and its returned HTML (already safe) replaces the code
// block in the output; when dotSVG is nil or returns ok=false, the block renders
// as an ordinary code block.
func (r *Renderer) Render(src []byte, resolve Resolver, dotSVG func(b DotBlock) (html []byte, ok bool)) (Result, error) {
	return r.RenderPage(src, Page{Resolve: resolve, DotSVG: dotSVG})
}

// Page holds what rendering one document may use; every field is optional.
type Page struct {
	Resolve Resolver
	DotSVG  func(b DotBlock) (html []byte, ok bool)
	// Glossary, with GlossaryLink, links the first use of each term.
	Glossary     *Glossary
	GlossaryLink GlossaryLink
	// Refs asks for Result.Refs and Result.IDs.
	Refs bool
}

// RenderPage renders src with the options of p.
func (r *Renderer) RenderPage(src []byte, p Page) (Result, error) {
	if r.cache != nil {
		return r.cache.renderPage(r, src, p)
	}
	return r.render(src, p)
}

// bufWriters are goldmark's output buffers: given a plain io.Writer it
// makes a bufio.Writer per render.
var bufWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func (r *Renderer) render(src []byte, p Page) (Result, error) {
	if err := Guard(src); err != nil {
		return Result{}, err
	}
	st := &renderState{resolve: p.Resolve, dotSVG: p.DotSVG}
	if p.Glossary != nil && p.GlossaryLink != nil {
		st.glossary, st.glossaryLink = p.Glossary, p.GlossaryLink
	}
	if p.Refs {
		st.refs = newRefCollector(src)
	}
	doc := r.parse(src, st)

	// Written into a strings.Builder, the HTML is a string without a copy:
	// the page holds it as template.HTML.
	var buf strings.Builder
	buf.Grow(len(src) + len(src)/2)
	bw := bufWriters.Get().(*bufio.Writer)
	bw.Reset(&buf)
	err := r.md.Renderer().Render(bw, src, doc)
	bw.Reset(nil)
	bufWriters.Put(bw)
	if err != nil {
		return Result{}, fmt.Errorf("render markdown: %w", err)
	}
	res := Result{HTML: buf.String(), Headings: st.headings, Dots: st.dots}
	if st.refs != nil {
		res.Refs, res.IDs, res.Anchors = st.refs.refs(), st.refs.ids, st.anchors()
	}
	return res, nil
}

// parse parses src with the state of one call, which the transformer
// fills in. A render and a Scan both parse here, so that what a check
// learns of a page (its links, its heading ids) is what the page has.
func (r *Renderer) parse(src []byte, st *renderState) ast.Node {
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(stateKey, st)
	return r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}
