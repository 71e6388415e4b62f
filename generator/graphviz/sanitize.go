package graphviz

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// wideGraph is the natural width (pt) above which the root gets class
// g-wide: shrunk to a column, such a graph's text would be unreadable.
const wideGraph = 960

// svgElements are the elements Graphviz draws with. Anything else (script,
// foreignObject, image, style, animate, use …) is dropped with its content.
var svgElements = map[string]bool{
	"svg": true, "g": true, "a": true, "text": true, "tspan": true,
	"polygon": true, "polyline": true, "path": true, "ellipse": true,
	"circle": true, "rect": true, "line": true,
	"defs": true, "linearGradient": true, "radialGradient": true, "stop": true,
}

// svgAttrs are the attributes kept, by qualified name. Everything else (on*,
// style, target, namespace declarations) is dropped; href and url() values
// are checked further.
var svgAttrs = map[string]bool{
	"id": true, "class": true, "transform": true, "viewBox": true,
	"fill": true, "fill-opacity": true, "stroke": true, "stroke-width": true,
	"stroke-opacity": true, "stroke-dasharray": true, "stroke-linecap": true,
	"stroke-linejoin": true, "d": true, "points": true,
	"cx": true, "cy": true, "rx": true, "ry": true, "r": true, "fx": true, "fy": true,
	"x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true,
	"width": true, "height": true, "text-anchor": true, "font-family": true,
	"font-size": true, "font-weight": true, "font-style": true,
	"text-decoration": true, "baseline-shift": true, "offset": true,
	"stop-color": true, "stop-opacity": true, "gradientUnits": true,
	"gradientTransform": true, "xlink:href": true, "href": true,
	"xlink:title": true, "xml:space": true,
}

// sanitize rewrites Graphviz's SVG for inline use in a page, as one pass
// over an XML token stream: it keeps svgElements and svgAttrs only, keeps a
// link only when it is relative, prefixes ids (and the url(#id) that refer
// to them) so two graphs on a page cannot collide, drops Graphviz's
// <title>s (its internal ids, not words for readers), turns black into
// currentColor and the white background into none so the graph follows the
// page's colour scheme, and replaces the root's fixed size by a viewBox
// that scales (see the package doc).
func sanitize(raw []byte, idPrefix string) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = true
	d.Entity = xml.HTMLEntity // Graphviz passes entities like &nbsp; through
	s := &svgWriter{prefix: idPrefix}
	skip := 0 // depth inside a dropped element
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading graphviz SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name, ok := elementName(t.Name)
			if skip > 0 || !ok || (s.depth == 0) != (name == "svg") || s.done {
				skip++
				continue
			}
			s.start(name, t.Attr)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			s.end()
		case xml.CharData:
			if skip == 0 && s.depth > 0 {
				s.text(t)
			}
		}
		// comments, processing instructions and directives are dropped
	}
	if !s.done {
		return nil, errors.New("graphviz SVG has no <svg> element")
	}
	return s.out.Bytes(), nil
}

// elementName returns the local name of an SVG element, false for any
// other namespace or a name not in svgElements.
func elementName(n xml.Name) (string, bool) {
	if n.Space != svgNS && n.Space != "" {
		return "", false
	}
	return n.Local, svgElements[n.Local]
}

// svgWriter writes the kept tokens. An element's start tag stays open
// (pending) until the next token shows whether it is empty.
type svgWriter struct {
	out     bytes.Buffer
	prefix  string
	depth   int
	pending bool
	done    bool     // the root element has ended
	stack   []string // open elements
	bgSeen  bool     // the graph group's first child was seen
}

func (s *svgWriter) flushPending() {
	if s.pending {
		s.out.WriteByte('>')
		s.pending = false
	}
}

func (s *svgWriter) start(name string, attrs []xml.Attr) {
	s.flushPending()
	if name == "svg" {
		s.root(attrs)
	} else {
		s.out.WriteString("<" + name)
		s.element(name, attrs)
	}
	s.stack = append(s.stack, name)
	s.depth++
	s.pending = true
}

func (s *svgWriter) end() {
	name := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.depth--
	if s.pending {
		s.out.WriteString("/>")
		s.pending = false
	} else {
		s.out.WriteString("</" + name + ">")
	}
	if s.depth == 0 {
		s.done = true
	}
}

func (s *svgWriter) text(t xml.CharData) {
	inText := slices.Contains(s.stack, "text")
	if !inText && len(bytes.TrimSpace(t)) == 0 {
		// Layout white space, where a dropped <title> or comment leaves
		// blank lines: one newline is enough.
		if s.pending || !bytes.HasSuffix(s.out.Bytes(), []byte("\n")) {
			s.flushPending()
			s.out.WriteByte('\n')
		}
		return
	}
	s.flushPending()
	s.out.WriteString(escapeXML(string(t), false))
}

// root writes the <svg> start tag: our namespaces, role and class, the
// viewBox, and a max-width of the natural size instead of width and height.
func (s *svgWriter) root(attrs []xml.Attr) {
	s.out.WriteString(`<svg xmlns="` + svgNS + `" xmlns:xlink="` + xlinkNS + `" role="img"`)
	class, style, viewBox := "g-graph", "", ""
	for _, a := range attrs {
		switch qualified(a.Name) {
		case "width":
			if w, ok := points(a.Value); ok {
				style = fmt.Sprintf("max-width:%gpt", w)
				if w > wideGraph {
					class += " g-wide"
				}
			}
		case "viewBox":
			viewBox = a.Value
		}
	}
	s.out.WriteString(` class="` + class + `"`)
	if viewBox != "" {
		s.out.WriteString(` viewBox="` + escapeXML(viewBox, true) + `"`)
	}
	if style != "" {
		s.out.WriteString(` style="` + style + `"`)
	}
}

// element writes the kept attributes of a non-root element.
func (s *svgWriter) element(name string, attrs []xml.Attr) {
	// Graphviz draws the background as the first child of the graph's <g>.
	background := false
	if len(s.stack) == 2 && !s.bgSeen {
		s.bgSeen = true
		background = name == "polygon"
	}
	hasFill := false
	for _, a := range attrs {
		q := qualified(a.Name)
		v := a.Value
		if !svgAttrs[q] {
			continue
		}
		switch q {
		case "href", "xlink:href":
			link, ok := relativeLink(v)
			if !ok || name != "a" {
				continue
			}
			v = link
		case "id":
			v = s.prefix + v
		case "fill", "stroke":
			v = themeColour(v)
			if q == "fill" && background && (v == "white" || v == "#ffffff") {
				v = "none"
			}
		}
		if q == "fill" {
			hasFill = true
		}
		if strings.Contains(strings.ToLower(v), "url(") {
			var ok bool
			if v, ok = s.localURL(v); !ok {
				continue
			}
		}
		s.out.WriteString(" " + q + `="` + escapeXML(v, true) + `"`)
	}
	if name == "text" && !hasFill {
		s.out.WriteString(` fill="currentColor"`) // SVG's default is black
	}
}

// localURL accepts only a reference to an element of this graph,
// "url(#id)", and prefixes the id like the element's own.
func (s *svgWriter) localURL(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "url(#") || !strings.HasSuffix(v, ")") {
		return "", false
	}
	ref := v[len("url(#") : len(v)-1]
	if strings.ContainsAny(ref, "()'\"\\ ") {
		return "", false
	}
	return "url(#" + s.prefix + ref + ")", true
}

// qualified writes an attribute name with the prefix a page expects:
// "xlink:href", "xml:space". Other namespaces come back unknown ("?"), so
// they are dropped.
func qualified(n xml.Name) string {
	switch n.Space {
	case "", svgNS:
		return n.Local
	case xlinkNS:
		return "xlink:" + n.Local
	case xmlNS, "xml":
		return "xml:" + n.Local
	}
	return "?"
}

// themeColour draws black as the page's text colour.
func themeColour(v string) string {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "black", "#000000", "#000":
		return "currentColor"
	}
	return v
}

// points parses Graphviz's "170pt".
func points(v string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "pt"), 64)
	return f, err == nil && f > 0
}

// relativeLink reports whether a link stays on the site, and returns it as
// a browser reads it. Browsers drop tabs and newlines anywhere in a URL and
// trim control characters and spaces at its ends, and read a backslash as a
// slash, so those are normalised before the checks: no scheme (javascript:,
// data:, http: …), no "//host", no path from the server root.
func relativeLink(v string) (string, bool) {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	if v == "" || v[0] == '/' || v[0] == '\\' {
		return "", false
	}
	if i := strings.IndexAny(v, `:/?#\`); i >= 0 && v[i] == ':' {
		return "", false
	}
	return v, true
}

// escapeXML escapes text content, and in attributes also quotes and the
// white space an attribute value would otherwise normalise away.
func escapeXML(s string, attr bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\n':
			b.WriteString("&#10;")
		case attr && r == '\t':
			b.WriteString("&#9;")
		case r == '\r':
			b.WriteString("&#13;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteInline writes Inline(svg, title) to b.
func WriteInline(b *strings.Builder, svg []byte, title string) {
	if title == "" || !bytes.HasPrefix(svg, []byte("<svg ")) {
		b.Write(svg)
		return
	}
	b.WriteString(`<svg aria-label="`)
	b.WriteString(escapeXML(title, true))
	b.WriteByte('"')
	b.Write(svg[len("<svg"):])
}

// Inline returns svg (as the Renderer returns it) with an aria-label that
// names the graph for screen readers. An empty title leaves svg as it is.
func Inline(svg []byte, title string) []byte {
	if title == "" || !bytes.HasPrefix(svg, []byte("<svg ")) {
		return svg
	}
	out := make([]byte, 0, len(svg)+len(title)+16)
	out = append(out, `<svg aria-label="`...)
	out = append(out, escapeXML(title, true)...)
	out = append(out, '"')
	return append(out, svg[len("<svg"):]...)
}
