// Package termcheck is a test helper: it finds what a terminal might obey
// in text a command printed — a control character, a bidirectional control,
// a byte that is not UTF-8 — so that tests can say that output built from
// a hostile handbook is safe to print. It is written apart from
// source.EscapeLine on purpose, to check it rather than repeat it.
package termcheck

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// Find returns the byte offset and a description of the first thing in s a
// terminal might obey, or -1. Line breaks and tabs are allowed when lines
// is set.
func Find(s string, lines bool) (int, string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return i, fmt.Sprintf("byte %#x, not UTF-8", s[i])
		case lines && (r == '\n' || r == '\t'):
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return i, fmt.Sprintf("control U+%04X", r)
		case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			return i, fmt.Sprintf("bidi control U+%04X", r)
		}
		i += size
	}
	return -1, ""
}

// Safe fails the test when s holds anything a terminal might obey.
func Safe(t testing.TB, name, s string, lines bool) {
	t.Helper()
	if i, what := Find(s, lines); i >= 0 {
		from, to := max(0, i-40), min(len(s), i+40)
		t.Errorf("%s: raw %s at byte %d: %q", name, what, i, s[from:to])
	}
}
