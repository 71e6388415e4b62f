package markdown

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// slugByTables is slug as it was written first, on the Unicode tables
// alone: the fast paths for ASCII and Han must not change a single id.
func slugByTables(text []byte) string {
	out := make([]byte, 0, len(text))
	sep := false
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && r != '_' {
			sep = true
			continue
		}
		if sep && len(out) > 0 {
			out = append(out, '-')
		}
		sep = false
		out = utf8.AppendRune(out, unicode.ToLower(r))
	}
	if len(out) == 0 {
		return "section"
	}
	return string(out)
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"", "Hello, World!", "1. 概述 Overview", "职责分工 RACI", "Ça_va—très bien", "ΣΑΣ İI", "\xff\xfe x", "٣ arabic-indic", "e\u0301", "一丁\u9fff\ua000", "Ⅻ ½ ²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := slug([]byte(s)), slugByTables([]byte(s)); got != want {
			t.Errorf("slug(%q) = %q, want %q", s, got, want)
		}
	})
}
