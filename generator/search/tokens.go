package search

import (
	"unicode"
	"unicode/utf8"
)

// Tokens splits text the way the browser splits a query: search.js has the
// same rules, and generator/browser's TestTokens_sameInBrowserAndGo runs
// both on the same strings (edge cases, generated strings, and every code
// point between two letters):
//
//   - text is lower-cased rune by rune, by unicode.ToLower (the simple
//     mapping: "İ" is "i", every "Σ" is "σ", where JavaScript's
//     toLowerCase would give "i" U+0307 and a final "ς"), and a final
//     "ς" is folded to "σ" (see lowerRune);
//   - a run of CJK characters (Han, kana, Hangul) yields every pair of
//     neighbours — Chinese has no spaces, so any run of two or more
//     characters in the text is found by the pairs it is made of;
//   - a run of letters and digits of other scripts is one word;
//   - everything else separates tokens, invalid UTF-8 and code points
//     unassigned in Go's unicode.Version included (a browser with newer
//     Unicode may see letters there).
//
// Tokens are returned in order, with repeats.
func Tokens(s string) []string {
	var out []string
	eachTerm(s, nil, func(word []byte, cjk uint64) {
		if cjk != 0 {
			out = append(out, cjkTerm(cjk))
		} else {
			out = append(out, string(word))
		}
	})
	return out
}

// eachTerm calls fn with the tokens of s in order, as Tokens returns them,
// in the form the index keys them by, so that indexing a token allocates
// nothing unless the token is new:
//
//   - a CJK token (a pair, or a run of one) is cjk, the key cjkKey gives
//     it; word is nil. Most of a Chinese handbook's tokens are pairs, and a
//     table keyed by an integer costs a fraction of a map keyed by a string;
//   - a word is word, lower-cased, with cjk 0. It is buf's memory, valid
//     only during the call (fn copies what it keeps).
//
// Lower-casing happens here, rune by rune, as strings.ToLower would do it
// before the split (the rules apply to the lower-cased text): most words
// are copied to buf as they stand in s, the others are lower-cased into it.
// It returns buf, grown, for the next call.
//
// Most of the text of a Chinese handbook is Han characters of three bytes
// (U+4E00 to U+9FFF, led by 0xE4 to 0xE9): they are decoded here and go
// straight to the CJK run, with no look-ups: Han has no case.
//
// Since it looks at every character, it also reports whether s is plain:
// whether JSON writes it with no escapes (jsonLen(s) == len(s)+2). Only
// separators can need escaping (quotes, backslashes, control characters,
// <, >, &, invalid bytes, U+2028, U+2029), so only they are checked.
func eachTerm(s string, buf []byte, fn func(word []byte, cjk uint64)) (_ []byte, plain bool) {
	plain = true
	wordStart := -1  // offset in s of the current word, -1 if none
	lowered := false // the current word differs from s: it is in buf
	var prev rune    // the last rune of the current CJK run
	run := 0         // runes in the current CJK run
	endWord := func(end int) {
		if wordStart < 0 {
			return
		}
		if !lowered {
			buf = append(buf[:0], s[wordStart:end]...)
		}
		fn(buf, 0)
		wordStart = -1
	}
	endRun := func() {
		if run == 1 {
			fn(nil, cjkKey(prev, 0))
		}
		run = 0
	}
	for i := 0; i < len(s); {
		if c := s[i]; 0xE4 <= c && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+4000 to U+9FFF, valid; from U+4E00, Han.
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= 0x4E00 {
				endWord(i)
				if run > 0 {
					fn(nil, cjkKey(prev, r))
				}
				prev = r
				run++
				i += 3
				continue
			}
		}
		r, n := rune(s[i]), 1
		changed := false // r, lower-cased, is not what s holds
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
				changed = true
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			// Han has no case, and is most of the text: skip the tables.
			// Invalid bytes stay invalid, and separate tokens.
			if (r < 0x4E00 || r > 0x9FFF) && r != utf8.RuneError {
				if l := lowerRune(r); l != r {
					r, changed = l, true
				}
			}
		}
		switch {
		case r >= utf8.RuneSelf && isCJK(r):
			endWord(i)
			if run > 0 {
				fn(nil, cjkKey(prev, r)) // the pair that ends with this rune
			}
			prev = r
			run++
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if run > 0 {
				endRun()
			}
			if wordStart < 0 {
				wordStart, lowered = i, false
			}
			if changed && !lowered {
				buf = append(buf[:0], s[wordStart:i]...)
				lowered = true
			}
			// The lower-case ASCII letters and digits that follow are
			// the same word as they stand: take them in a tight loop.
			j := i + n
			for j < len(s) && asciiWord[s[j]] {
				j++
			}
			if lowered {
				buf = utf8.AppendRune(buf, r)
				buf = append(buf, s[i+n:j]...)
			}
			n = j - i
		default:
			endWord(i)
			endRun()
			if n == 1 {
				c := s[i]
				if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= utf8.RuneSelf {
					plain = false // c >= RuneSelf: an invalid byte
				}
			} else if r == '\u2028' || r == '\u2029' {
				plain = false
			}
		}
		i += n
	}
	endWord(len(s))
	endRun()
	return buf, plain
}

// asciiWord tells the bytes that are a word's as they stand: lower-case
// ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// cjkKey is the key of the CJK token r1 r2, or of r1 alone when r2 is 0:
// 21 bits a rune. Keys compare as the tokens' strings do (UTF-8 keeps the
// order of code points, and a rune alone comes before the pairs it
// starts), and no key is 0.
func cjkKey(r1, r2 rune) uint64 { return uint64(r1)<<21 | uint64(r2) }

// cjkTerm is the token that key k stands for.
func cjkTerm(k uint64) string {
	var b [2 * utf8.UTFMax]byte
	t := utf8.AppendRune(b[:0], rune(k>>21))
	if r2 := rune(k & (1<<21 - 1)); r2 != 0 {
		t = utf8.AppendRune(t, r2)
	}
	return string(t)
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

// lowerRune is unicode.ToLower, with the final sigma "ς" folded to "σ":
// Greek writes "ς" at the end of a word and "σ" elsewhere, and capitals
// ("ΟΔΟΣ") lower-case to "σ", so a reader typing "οδος" must find "ΟΔΟΣ"
// and "οδοσ" alike. search.js folds it the same way.
func lowerRune(r rune) rune {
	if r == 'ς' {
		return 'σ'
	}
	return unicode.ToLower(r)
}
