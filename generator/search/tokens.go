package search

import (
	"unicode"
	"unicode/utf8"
)

// Tokens splits text the way the browser splits a query (search.js has the
// same rules; a test runs both on the same strings):
//
//   - text is lower-cased;
//   - a run of CJK characters (Han, kana, Hangul) yields every pair of
//     neighbours — Chinese has no spaces, so any run of two or more
//     characters in the text is found by the pairs it is made of;
//   - a run of letters and digits of other scripts is one word;
//   - everything else separates tokens.
//
// Tokens are returned in order, with repeats.
func Tokens(s string) []string {
	var out []string
	eachToken(s, func(t string) { out = append(out, t) })
	return out
}

// eachToken calls fn with the tokens of s in order, as Tokens returns them.
// A word or a run of CJK characters is contiguous in the lower-cased text,
// so every token is a substring of it: nothing is allocated per token
// (callers that keep one should clone it).
func eachToken(s string, fn func(string)) {
	s = lower(s)
	wordStart, cjkStart := -1, -1 // byte offsets of the current runs
	var cjk [2]int                // offsets of the last two CJK runes of the run
	cjkLen := 0                   // runes in the current CJK run
	flush := func(end int) {
		if wordStart >= 0 {
			fn(s[wordStart:end])
			wordStart = -1
		}
		if cjkLen == 1 {
			fn(s[cjkStart:end])
		}
		cjkStart, cjkLen = -1, 0
	}
	for i, r := range s {
		switch {
		case isCJK(r):
			if wordStart >= 0 {
				flush(i)
			}
			if cjkLen == 0 {
				cjkStart = i
			} else {
				// The pair that ends with this rune: the previous rune and this one.
				fn(s[cjk[1]:nextRune(s, i)])
			}
			cjk[0], cjk[1] = cjk[1], i
			cjkLen++
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if cjkLen > 0 {
				flush(i)
			}
			if wordStart < 0 {
				wordStart = i
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
}

// lower is strings.ToLower for tokenising: the same letters, but Han
// characters (no case, and most of the text) skip the case tables, and
// invalid bytes stay as they are instead of becoming U+FFFD (either way
// they separate tokens, and tokens never contain them).
func lower(s string) string {
	var b []byte // nil until something changes
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				if b == nil {
					b = append(make([]byte, 0, len(s)+utf8.UTFMax), s[:i]...)
				}
				c += 'a' - 'A'
			}
			if b != nil {
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		lr := r
		if (r < 0x4E00 || r > 0x9FFF) && r != utf8.RuneError {
			lr = unicode.ToLower(r)
		}
		if lr != r && b == nil {
			b = append(make([]byte, 0, len(s)+utf8.UTFMax), s[:i]...)
		}
		if lr != r {
			b = utf8.AppendRune(b, lr)
		} else if b != nil {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

// nextRune is the offset just past the rune at offset i of s.
func nextRune(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

func isCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo, the first of these scripts
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs: all Han, and most of the text
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
