package markdown

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// destination resolves a link's destination and empties it if the result is
// dangerous. goldmark keeps destinations raw (backslash escapes and entities
// unresolved, decoding them only when it renders), so decode first: the
// resolver then sees the URL a browser would follow, and "&#106;avascript:"
// is caught. The check comes after the resolver so that neither the author nor
// a resolver bug can put a script URL in an href; it runs in RawHTML mode too,
// where goldmark itself would let it through.
func (st *renderState) destination(raw []byte, image bool) []byte {
	dest, _ := st.resolveDest(raw, image)
	return dest
}

// resolveDest is destination, and reports a link that the resolver wants
// written as its text alone: an empty answer it calls ok (a link to a
// draft, which the site leaves out).
func (st *renderState) resolveDest(raw []byte, image bool) (dest []byte, unlink bool) {
	dest = decodeDest(raw)
	if st.resolve != nil {
		if out, ok := st.resolve(string(dest), image); ok {
			if out == "" {
				return nil, true
			}
			dest = []byte(out)
		}
	}
	if dangerousURL(dest, image) {
		return nil, false
	}
	return encodeDest(dest), false
}

// decodeDest resolves what CommonMark lets a destination escape, as goldmark's
// HTML renderer does.
func decodeDest(raw []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw)))
}

// encodeDest protects a decoded destination from goldmark's renderer, which
// decodes every destination once more: "\\" and "&amp;" come back as "\" and "&".
func encodeDest(dest []byte) []byte {
	if bytes.IndexByte(dest, '&') < 0 && bytes.IndexByte(dest, '\\') < 0 {
		return dest
	}
	out := make([]byte, 0, len(dest)+8)
	for _, c := range dest {
		switch c {
		case '&':
			out = append(out, "&amp;"...)
		case '\\':
			out = append(out, '\\', '\\')
		default:
			out = append(out, c)
		}
	}
	return out
}

// neutraliseAutoLink turns <javascript:...> into plain text: goldmark renders
// autolinks from the source bytes, so the URL cannot be edited in place.
func neutraliseAutoLink(a *ast.AutoLink, src []byte) {
	if !dangerousURL(a.URL(src), false) {
		return
	}
	label := append([]byte(nil), a.Label(src)...)
	a.Parent().ReplaceChild(a.Parent(), a, ast.NewString(label))
}

// dangerousURL reports whether dest must not reach an href or src. Only
// relative URLs and the schemes of AllowedSchemes may: a deny-list misses
// the schemes that run something (ms-msdt:, search-ms:, intent:,
// view-source:javascript:…). The scheme is read as a browser reads it:
// after leading spaces and control characters, with tabs and newlines
// anywhere dropped.
func dangerousURL(dest []byte, image bool) bool {
	clean := make([]byte, 0, 16)
	for _, c := range dest {
		if c == '\t' || c == '\n' || c == '\r' || (len(clean) == 0 && c <= ' ') {
			continue
		}
		if c == ':' {
			return image || !AllowedScheme(string(bytes.ToLower(clean)))
		}
		if c == '/' || c == '?' || c == '#' || c == '\\' {
			return false // relative: no scheme
		}
		clean = append(clean, c)
	}
	return false
}

// AllowedSchemes are the schemes a link may have; an image has none (it
// comes from assets/).
var AllowedSchemes = []string{"http", "https", "mailto", "tel"}

// AllowedScheme reports whether a link may have the (lower-case) scheme.
func AllowedScheme(scheme string) bool { return slices.Contains(AllowedSchemes, scheme) }
