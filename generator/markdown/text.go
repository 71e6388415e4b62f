package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// plainText is the text a reader sees in n: markup, raw HTML and link
// destinations left out, escapes and entities resolved, line breaks as spaces.
func plainText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	writePlain(&b, n, src)
	return bytes.TrimSpace(b.Bytes())
}

func writePlain(b *bytes.Buffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Value(src))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			// Tags are not text.
		default:
			writePlain(b, c, src)
		}
	}
}

// dangerousURL reports whether dest must not reach an href or src. It applies
// goldmark's own list (javascript:, vbscript:, file:, data: except raster
// data:image/ for images) after undoing what browsers ignore in a scheme: leading
// spaces and control characters, and tabs or newlines anywhere. Data URLs are
// refused for links outright: a data:image/ page can still be a phishing page.
func dangerousURL(dest []byte, image bool) bool {
	var scheme []byte
	for i, c := range dest {
		if c == '\t' || c == '\n' || c == '\r' || (len(scheme) == 0 && c <= ' ') {
			continue
		}
		if c == ':' || c == '/' || c == '?' || c == '#' {
			scheme = append(scheme, dest[i:]...)
			break
		}
		scheme = append(scheme, c)
		if len(scheme) > 16 {
			// No dangerous scheme is this long: keep the scan cheap.
			scheme = append(scheme, dest[i+1:]...)
			break
		}
	}
	cleaned := bytes.ToLower(scheme)
	if !image && bytes.HasPrefix(cleaned, []byte("data:")) {
		return true
	}
	return html.IsDangerousURL(cleaned)
}
