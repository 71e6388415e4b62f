package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
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

// joinWideLines drops the soft line break between two lines when the first
// ends and the next begins with an East Asian wide character: rendered as a
// newline, the browser would show it as a stray space inside Chinese text.
func joinWideLines(t *ast.Text, src []byte) {
	if !t.SoftLineBreak() {
		return
	}
	// utf8.DecodeLastRune, not util.ToRune: the latter panics on invalid UTF-8.
	if last, _ := utf8.DecodeLastRune(t.Value(src)); !util.IsEastAsianWideRune(last) {
		return
	}
	next := firstText(t.NextSibling(), src)
	if len(next) == 0 {
		return
	}
	if r, _ := utf8.DecodeRune(next); util.IsEastAsianWideRune(r) {
		t.SetSoftLineBreak(false)
	}
}

// firstText is the first non-empty text at or inside n, the start of what
// follows a line break ("中文\n**中文**" continues with a wide character too).
func firstText(n ast.Node, src []byte) []byte {
	for ; n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			if v := n.Value(src); len(v) > 0 {
				return v
			}
		case *ast.String:
			if len(n.Value) > 0 {
				return n.Value
			}
		default:
			if v := firstText(n.FirstChild(), src); len(v) > 0 {
				return v
			}
			return nil
		}
	}
	return nil
}
