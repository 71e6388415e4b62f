package tomlscan

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// TestScanner: where each method stops and what it returns, on the pieces
// the three readers meet, broken ones included.
func TestScanner(t *testing.T) {
	tests := []struct {
		name, text string
		read       func(s *Scanner) string // what the method returned
		want       string                  // and where it left Pos, after "@"
	}{
		{"blank", " \t x", func(s *Scanner) string { s.Blank(); return "" }, "@3"},
		{"line", "a = 1\nb", func(s *Scanner) string { s.Line(); return "" }, "@6"},
		{"line at end", "a = 1", func(s *Scanner) string { s.Line(); return "" }, "@5"},
		{"comment", "# x\r\ny", span((*Scanner).Comment), `" x\r"@4`},
		{"comment at end", "#", span((*Scanner).Comment), `""@1`},
		{"bare", "step-1_a.b", span((*Scanner).Bare), `"step-1_a"@8`},
		{"bare date", "2026-07-01T10:00", span((*Scanner).Bare), `"2026-07-01T10"@13`},
		{"not bare", "=1", span((*Scanner).Bare), `""@0`},
		{"basic", `"a\"b" c`, quoted, `"a\\\"b" closed@6`},
		{"literal", `'a\'b`, quoted, `"a\\" closed@4`},
		{"unclosed at newline", "\"ab\ncd\"", quoted, `"ab" clean@3`},
		{"clean", "\"中文\tx\" y", quoted, `"中文\tx" closed clean@10`},
		{"control character", "'a\x01b'", quoted, `"a\x01b" closed@5`},
		{"escaped newline", "\"a\\\nb\"", quoted, `"a\\\nb" closed@6`},
		{"backslash at end", `"a\`, quoted, `"a\\"@3`},
		{"string one-line", `"" x`, str, `"" closed@2`},
		{"multi-line", "\"\"\"a\n\"b\"\"\" x", str, `"a\n\"b" multi closed@10`},
		{"multi-line extra quotes", `"""a""""" x`, str, `"a\"\"" multi closed@9`},
		{"multi-line escaped quotes", `"""a\""""x`, str, `"a\\\"" multi closed@9`},
		{"multi-line literal", `'''a\'''`, str, `"a\\" multi closed@8`},
		{"multi-line unclosed", `"""a""`, str, `"a\"\"" multi@6`},
		{"multi-line backslash at end", `"""a\`, str, `"a\\" multi@5`},
		{"key", "a . \"b.c\" .'d' = 1", key, `["a" "b.c" "d"]@15`},
		{"key stops at bracket", "step]]", key, `["step"]@4`},
		{"key dot at end", "a.", key, `["a"]@2`},
		{"no key", "= 1", key, `[]@0`},
		{"value", "1 # c\nb = 2", value, "@5"},
		{"value over lines", "[\n 'a', # ]\n \"]\",\n] x\ny", value, "@21"},
		{"value table", "{a = [1, {b = 2}]}\n", value, "@18"},
		{"value string hides key", "\"\"\"\nb = 1\n\"\"\"\nc = 2", value, "@13"},
		{"value closes too much", "]]\n[", value, "@2"},
		{"value unclosed", "[1,\n2", value, "@5"},
	}
	for _, tt := range tests {
		s := &Scanner{Src: []byte(tt.text)}
		got := tt.read(s) + fmt.Sprintf("@%d", s.Pos)
		if got != tt.want {
			t.Errorf("%s: %q: got %s, want %s", tt.name, tt.text, got, tt.want)
		}
	}
}

func span(read func(*Scanner) Span) func(*Scanner) string {
	return func(s *Scanner) string {
		sp := read(s)
		return fmt.Sprintf("%q", s.Src[sp.Start:sp.End])
	}
}

func quoted(s *Scanner) string {
	sp, closed, clean := s.Quoted()
	return fmt.Sprintf("%q", s.Src[sp.Start:sp.End]) + flag(" closed", closed) + flag(" clean", clean)
}

func str(s *Scanner) string {
	sp, multi, closed := s.String()
	return fmt.Sprintf("%q", s.Src[sp.Start:sp.End]) + flag(" multi", multi) + flag(" closed", closed)
}

func key(s *Scanner) string {
	var parts []string
	for _, p := range s.Key(nil) {
		parts = append(parts, string(s.Src[p.Start:p.End]))
	}
	return fmt.Sprintf("%q", parts)
}

func value(s *Scanner) string { s.Value(); return "" }

func flag(name string, on bool) string {
	if on {
		return name
	}
	return ""
}

// FuzzScanner: on any text, from any offset, every method ends, moves Pos
// forward within the text, and stops where its doc comment says. When the
// TOML decoder accepts the text as a key or a value, the scanner agrees
// with it on where the key, the value and a string end and on what a
// string without escapes holds: what the key index, the nesting guard and
// the fast path rely on.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`"a\"b"`, `'a\'`, "\"\"\"a\n\"b\"\"\"", `"""a"""""`, `'''a'''`, "[\n 'a', # ]\n \"]\",\n]", "{a = [1, {b = 2}]}",
		"a . \"b.c\" .'d'", "2026-07-01", "1.5e3", "[[1], [2]] # c", "\"\"\"\\\n  x\"\"\"", "'''\r\nx'''", "\"a\\\nb\"",
		"x = {y = 1}\n#", "1\n[t]\na = 1", "'''\n[[[['''",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob("../../../content/*.toml")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		src := []byte(text)
		for i := 0; i <= len(src) && i < 256; i++ {
			checkFrom(t, src, i)
		}
		if utf8.ValidString(text) { // the loader refuses other text before scanning it
			agreeOnValue(t, text)
			agreeOnKey(t, text)
		}
	})
}

// checkFrom runs every method from offset i and checks where it stops.
func checkFrom(t *testing.T, src []byte, i int) {
	t.Helper()
	end := func(s *Scanner) bool { return s.Pos == len(src) || src[s.Pos] == '\n' }
	within := func(what string, s *Scanner, spans ...Span) {
		t.Helper()
		if s.Pos < i || s.Pos > len(src) {
			t.Fatalf("%q from %d: %s left Pos at %d", src, i, what, s.Pos)
		}
		for _, sp := range spans {
			if sp.Start < i || sp.Start > sp.End || sp.End > s.Pos {
				t.Fatalf("%q from %d: %s returned %v, Pos %d", src, i, what, sp, s.Pos)
			}
		}
	}
	s := &Scanner{Src: src, Pos: i}
	s.Blank()
	within("Blank", s)
	s = &Scanner{Src: src, Pos: i}
	s.Line()
	if within("Line", s); s.Pos < len(src) && src[s.Pos-1] != '\n' || bytes.IndexByte(src[i:max(i, s.Pos-1)], '\n') >= 0 {
		t.Fatalf("%q from %d: Line stopped at %d", src, i, s.Pos)
	}
	s = &Scanner{Src: src, Pos: i}
	within("Bare", s, s.Bare())
	s = &Scanner{Src: src, Pos: i}
	within("Key", s, s.Key(nil)...)
	s = &Scanner{Src: src, Pos: i}
	if s.Value(); !end(s) {
		t.Fatalf("%q from %d: Value stopped at %d, not at a newline", src, i, s.Pos)
	}
	within("Value", s)
	if i == len(src) {
		return
	}
	switch q := src[i]; q {
	case '#':
		s = &Scanner{Src: src, Pos: i}
		if within("Comment", s, s.Comment()); !end(s) || bytes.IndexByte(src[i:s.Pos], '\n') >= 0 {
			t.Fatalf("%q from %d: Comment stopped at %d", src, i, s.Pos)
		}
	case '"', '\'':
		s = &Scanner{Src: src, Pos: i}
		content, multi, closed := s.String()
		within("String", s, content)
		if !multi {
			s = &Scanner{Src: src, Pos: i}
			_, _, clean := s.Quoted()
			if c := src[content.Start:content.End]; clean != !bytes.ContainsFunc(c, func(r rune) bool { return r == '\\' || r < 0x20 && r != '\t' || r == 0x7f }) {
				t.Fatalf("%q from %d: Quoted said clean=%v of %q", src, i, clean, c)
			}
		}
		switch {
		case closed && src[s.Pos-1] != q:
			t.Fatalf("%q from %d: String closed at %d, not a quote", src, i, s.Pos)
		case !closed && multi && s.Pos != len(src), !closed && !multi && !end(s):
			t.Fatalf("%q from %d: unclosed String stopped at %d", src, i, s.Pos)
		}
	}
}

// agreeOnValue: when "k = text" decodes, Value splits it where the decoder
// does: before the cut is k's value, after it the rest of the file. When
// k's value is a string, String ends it, and without escapes or line ends
// (which the decoder turns into something else) holds what it holds.
func agreeOnValue(t *testing.T, text string) {
	doc := "k = " + text + "\n"
	var whole map[string]any
	if _, err := toml.Decode(doc, &whole); err != nil {
		return
	}
	s := &Scanner{Src: []byte(doc), Pos: 4}
	s.Value()
	cut := s.Pos
	if doc[cut-1] == '\r' {
		cut-- // a CRLF line end: Value stops at its newline
	}
	var head, tail map[string]any
	_, err1 := toml.Decode(doc[:cut], &head)
	_, err2 := toml.Decode(doc[cut:], &tail)
	k := whole["k"]
	delete(whole, "k")
	if err1 != nil || err2 != nil || len(head) != 1 || fmt.Sprintf("%#v", head["k"]) != fmt.Sprintf("%#v", k) ||
		fmt.Sprintf("%#v", tail) != fmt.Sprintf("%#v", whole) {
		t.Fatalf("%q: Value cut at %d: %v %v %#v and %#v, decoded %#v and %#v", doc, s.Pos, err1, err2, head, tail, k, whole)
	}
	str, ok := k.(string)
	if !ok || text == "" || text[0] != '"' && text[0] != '\'' {
		return
	}
	s = &Scanner{Src: []byte(doc), Pos: 4}
	content, multi, closed := s.String()
	got := doc[content.Start:content.End]
	if multi {
		got = strings.TrimPrefix(got, "\n")
	}
	if !closed || got != str && !strings.ContainsAny(got, "\\\r") {
		t.Fatalf("%q: String read %q (closed %v), decoded %q", doc, got, closed, str)
	}
}

// agreeOnKey: when "text = 1" decodes to one key, and text is only a key,
// Key reads the whole of it, in the same parts.
func agreeOnKey(t *testing.T, text string) {
	doc := text + " = 1\n"
	var m map[string]any
	if strings.ContainsAny(text, "=#\n\\") {
		return // more than a key, or escapes Key leaves as written
	}
	if _, err := toml.Decode(doc, &m); err != nil {
		return
	}
	var path []string
	for v := any(m); v != int64(1); {
		table, ok := v.(map[string]any)
		if !ok || len(table) != 1 {
			t.Fatalf("%q decoded to %#v", doc, m)
		}
		for k, sub := range table {
			path, v = append(path, k), sub
		}
	}
	s := &Scanner{Src: []byte(doc)}
	var got []string
	for _, p := range s.Key(nil) {
		got = append(got, doc[p.Start:p.End])
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", path) || s.Pos != len(text)+1 {
		t.Fatalf("%q: Key read %q up to %d, decoded %q", doc, got, s.Pos, path)
	}
}
