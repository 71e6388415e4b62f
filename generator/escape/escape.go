// Package escape writes strings into HTML exactly as html/template would
// write them in the same places, for the parts of pages that are built in
// Go because going through the template engine item by item costs too much
// (a department's lists and tables repeat thousands of times).
package escape

import (
	"io"
	"strings"
)

// htmlText escapes text and quoted attribute values as html/template does.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// HTML writes s escaped as html/template escapes text and quoted
// attribute values. w is a strings.Builder or a bytes.Buffer: a write to
// either cannot fail.
func HTML(w io.Writer, s string) { htmlText.WriteString(w, s) }

// URL writes a URL attribute value as html/template does: a whole URL
// (norm) with a scheme other than http, https or mailto is replaced, then
// it is normalised; the part after a fixed prefix (!norm) is escaped.
func URL(w io.Writer, u string, norm bool) {
	if norm && unsafeScheme(u) {
		u = "#ZgotmplZ"
	}
	HTML(w, processURL(u, norm))
}

// unsafeScheme is the opposite of html/template's isSafeURL: whatever
// comes before the first ':' is a scheme unless it holds a '/'.
func unsafeScheme(u string) bool {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.Contains(scheme, "/") {
		return false
	}
	return !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto")
}

// processURL is html/template's processURLOnto.
func processURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if b.Cap() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte("0123456789abcdef"[c>>4])
		b.WriteByte("0123456789abcdef"[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
