package search

import (
	"strings"
	"unicode"
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
	var word []rune
	var cjk []rune
	flush := func() {
		if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
		if len(cjk) == 1 {
			out = append(out, string(cjk))
		}
		for i := 0; i+1 < len(cjk); i++ {
			out = append(out, string(cjk[i:i+2]))
		}
		cjk = cjk[:0]
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case isCJK(r):
			if len(word) > 0 {
				flush()
			}
			cjk = append(cjk, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(cjk) > 0 {
				flush()
			}
			word = append(word, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
