package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// squash collapses runs of white space and trims it at both ends: the
// fields of strings.Fields joined by one space, in one pass.
func squash(s string) string {
	if squashed(s) {
		return s // the common case: text that Text already squashed
	}
	var b strings.Builder
	b.Grow(len(s))
	appendFields(&b, s)
	return b.String()
}

// squashed reports whether s has no white space but single ASCII spaces
// between non-space characters. It looks at bytes: in UTF-8, the non-ASCII
// white space of unicode.IsSpace (U+0085, U+00A0, U+1680, U+2000-U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000) starts with 0xC2, 0xE1, 0xE2 or
// 0xE3, and only runes starting so are decoded: other bytes, Chinese text
// (0xE4-0xE9) among them, are skipped by a look-up each.
func squashed(s string) bool {
	prevSpace := true // a leading space is not squashed
	for i := 0; i < len(s); {
		// Skip what cannot be white space, byte by byte in a tight loop:
		// most of the text.
		j := i
		for j < len(s) && !maybeSpace[s[j]] {
			j++
		}
		if j > i {
			prevSpace, i = false, j
			continue
		}
		switch c := s[i]; {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			i++
		case c < utf8.RuneSelf:
			return false // other ASCII white space
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			i += n
		}
	}
	return !prevSpace || len(s) == 0
}

// maybeSpace tells the bytes that are ASCII white space or may start a
// rune that is (see squashed).
var maybeSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// clip cuts s after n runes, marking the cut with an ellipsis. It is
// string([]rune(s)[:n]) + "…" when s has more than n runes (so an invalid
// byte counts as a rune and, if kept, becomes U+FFFD), without converting a
// page's text to cut its start.
func clip(s string, n int) string {
	if len(s) <= n {
		return s // no more runes than bytes
	}
	for i := range s {
		if n == 0 {
			if head := s[:i]; !utf8.ValidString(head) {
				return string([]rune(head)) + "…"
			}
			return s[:i] + "…"
		}
		n--
	}
	return s
}
