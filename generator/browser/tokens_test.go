package browser

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator/search"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// TestTokens_sameInBrowserAndGo runs the tokeniser of the search.js the
// site ships (window.accordSearch.tokens, in Chromium) and search.Tokens,
// which builds the index, on the same strings, and wants the same tokens in
// the same order: a query finds a page only through tokens both sides make.
//
// Strings go to the page as JavaScript string literals. Go strings are
// UTF-8 and JavaScript strings UTF-16, so "the same string" means: each
// valid rune is the same character; each invalid byte is U+FFFD, as a
// browser decodes a page (Go makes a separator of each, JavaScript of each
// U+FFFD); and a surrogate encoded in UTF-8 (ED A0..BF xx, invalid in Go)
// is that lone surrogate, which a JavaScript string can hold.
//
// It checks, besides a table of strings chosen for each rule and a few
// hundred generated strings that mix scripts, every code point on its own
// between two letters, which decides its class (separator, word, CJK) and
// its lower case as each side sees it.
func TestTokens_sameInBrowserAndGo(t *testing.T) {
	chrometest.Path(t)
	base := bases(t)["http"]
	b := newBrowser(t, 800, 600)
	b.do(t,
		chromedp.Navigate(base+"index.html"),
		chromedp.Poll[chromedp.Void](`window.accordSearch && typeof window.accordSearch.tokens === "function"`),
	)
	if src := eval[string](t, b, `document.querySelector('script[src$="_accord/search.js"]').src`); !strings.HasPrefix(src, base) {
		t.Fatalf("search.js comes from %s, not from the site", src)
	}

	t.Run("table", func(t *testing.T) { compareTokens(t, b, tokenCases) })
	t.Run("generated", func(t *testing.T) { compareTokens(t, b, generatedStrings(400)) })
	t.Run("every code point", func(t *testing.T) { compareCodePoints(t, b) })
	b.check(t, base)
}

// tokenCases are strings chosen to hit each rule of the tokenisers, and
// each way to get them wrong.
var tokenCases = []string{
	"", " ", "a", "A", "Hello, World!", "  leading and trailing  ", "a-b_c.d/e\\f",
	"Mixed123Case456", "x1y2z3", "FOB CIF EXW", "e-mail: A.B@C.example", "tab\there\nnewline\r\n",
	"quote\"s and <tags> & 'apostrophes'", "nul\x00byte", "line\u2028sep\u2029para",
	"\u00a0nbsp\u00a0", "ideographic\u3000space", "zero\u200bwidth\u200cjoiner\u200dx", "soft\u00adhyphen",
	// Case folding beyond ASCII.
	"ÀÉÎÕÜ àéîõü ÇÑ", "ÆØÅ æøå", "Ÿ ÿ", "ĀĂĄ āăą", "ǄǅǆǇǈǉ", "Ǳǲǳ",
	"ΑΒΓ αβγ ΆΈΉ", "Ѐ Ё ЖЗИ жзи", "Ա ա", "ႠႡ ⴀⴁ", "ᲐᲑ აბ", "ᎠᎡᏴ ꭰꭱᏼ",
	"Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ ａｂｃ ０１２", "ＡＢＣ１２３", "Ⓐⓑ Ⅻⅻ", "\u212a\u212b\u2126 Kelvin Ångström Ohm",
	"𐐀𐐁 𐐨𐐩 Deseret", "𞤀𞤢 Adlam", "𖹀𖹠 Medefaidrin", "Ꙁ ꙁ", "ꞋꞌꞍ", "Ɐ Ɑ Ɒ", "ẞ ß Straße STRASSE",
	// Turkish dotted and dotless i.
	"İstanbul", "İ", "İİ", "Iİi", "ISTANBUL İSTANBUL ıstanbul", "i\u0307stanbul", "Dİ\u0307",
	// Greek sigma: JavaScript's toLowerCase makes a final Σ ς.
	"ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ", "Σ", "ΣΑΣ", "ΣΟΦΟΣ.", "ΑΣ'", "ΑΣ\u0301", "οδος οδοσ", "ΑΣ1", "1Σ", "ΑΣΑ",
	// Combining marks separate words.
	"cafe\u0301", "café", "n\u0303o", "a\u0308b", "हिन्दी", "नमस्ते दुनिया", "ক্ষ", "ภาษาไทย", "ພາສາລາວ",
	"العربية", "مُحَمَّد", "עִבְרִית", "ᄀ\u1161", "x\ufe0fy", "a\u20e3b",
	// Digits of other scripts, and numbers that are not digits.
	"٠١٢٣٤٥٦٧٨٩", "۰۱۲", "०१२३", "০১২", "๐๑๒", "߀߁", "𝟎𝟏𝟐", "𝐀𝐁𝐂 𝑎𝑏𝑐", "x²+y³", "½ ¼ ⅓", "①②", "Ⅳ", "〇一二三",
	"१२abc३", "abc٣def",
	// CJK: Han, kana, Hangul, in runs, alone, and next to words.
	"信用证", "信用证审证要点", "信", "信 用", "信用", "退税", "信用证abc", "abc信用证", "abc信def", "信1用",
	"中文English混合text", "学习Go语言", "㐀㐁", "𠀀𠀁𠀂", "𪜀", "豈更", "⺀⺁", "⼀⼁", "々〆", "〇", "〻",
	"ひらがな", "カタカナ", "スーパー", "ｶﾀｶﾅ", "ﾊﾟｰﾃｨｰ", "ヶ月", "ゝゞヽヾ", "𛀁", "ㇰㇱ", "㋐㋑", "㌀",
	"한국어", "한글 조합", "ㄱㄴㄷ", "ᄀᄁ", "ﾡﾢ", "ꥠ", "힣", "ᅠ", "中文。日本語、한국어！", "「引用」",
	"漢字かなカナ한글", "Ｈan字ｂ", "日本ⅰ語", "中\u0301文", "中\ufe00文",
	// Emoji: none is a letter.
	"👍", "👍🏽", "👨‍👩‍👧", "🇨🇳🇯🇵", "1️⃣", "a😀b", "😀信用😀", "❤️love", "#️⃣",
	// Not valid text: invalid UTF-8, surrogates, U+FFFD.
	"\ufffd", "a\ufffdb", "a\xffb", "\xff\xfe", "a\xc3", "\xc3(", "\xe4\xb8", "信\xe4\xb8用", "é\x80x",
	"\xed\xa0\x80", "a\xed\xa0\x80b", "a\xed\xbf\xbfb", "信\xed\xb0\x80用", "\xf4\x90\x80\x80", "\xc0\x80",
	// Private use, unassigned, noncharacters.
	"a\ue000b", "a\U000F0000b", "a\uffffb", "a\U0010FFFFb", "a\u0378b",
}

// generatedStrings returns n strings, always the same, of pieces drawn from
// every script and rule above, so that they meet at every boundary.
func generatedStrings(n int) []string {
	pieces := []string{
		"a", "Z", "q", "0", "9", "É", "ß", "ẞ", "İ", "ı", "I", "Σ", "σ", "ς", "Ω", "Ж", "ж", "Ա", "Ꭰ", "Ა", "𐐀", "ǅ",
		"Ａ", "ｚ", "０", "٣", "३", "𝟘", "²", "Ⅳ", "\u212a",
		"信", "用", "证", "中", "㐀", "𠀀", "豈", "々", "〇", "ひ", "ゝ", "カ", "ｶ", "ー", "ﾞ", "한", "ㄱ", "ᄀ", "ﾡ",
		" ", "-", ".", ",", "'", "_", "\t", "\n", "\u3000", "、", "。", "！", "\u00a0", "\u200d", "\u2028",
		"\u0301", "\u0307", "\u093f", "\ufe0f", "\u20e3", "👍", "🏽", "🇨", "😀",
		"\ufffd", "\xff", "\xc3", "\xed\xa0\x80", "\xed\xb0\x80", "\ue000", "\u0378",
	}
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, 0, n)
	for len(out) < n {
		var s strings.Builder
		for range 1 + r.IntN(12) {
			if r.IntN(3) == 0 {
				// A word of one script, so that words and runs grow long.
				p := pieces[r.IntN(len(pieces))]
				for range 1 + r.IntN(4) {
					s.WriteString(p)
				}
				continue
			}
			s.WriteString(pieces[r.IntN(len(pieces))])
		}
		if _, ok := jsString(s.String()); ok {
			out = append(out, s.String())
		}
	}
	return out
}

// compareTokens tokenises strs in the page and in Go, and reports every
// string on which they differ.
func compareTokens(t *testing.T, b *browser, strs []string) {
	t.Helper()
	var js strings.Builder
	js.WriteString("[")
	for i, s := range strs {
		lit, ok := jsString(s)
		if !ok {
			t.Fatalf("case %q: a high surrogate followed by a low one is a pair in JavaScript, not two lone surrogates", s)
		}
		if i > 0 {
			js.WriteString(",")
		}
		js.WriteString(lit)
	}
	js.WriteString("].map(s => window.accordSearch.tokens(s).map(tok => Array.from(tok, c => c.codePointAt(0))))")
	got := evalIn[[][][]rune](t, b, "tokenising the strings", js.String())
	if len(got) != len(strs) {
		t.Fatalf("%d results for %d strings", len(got), len(strs))
	}
	bad := 0
	for i, s := range strs {
		want := goTokens(s)
		if !slices.EqualFunc(got[i], want, slices.Equal) {
			bad++
			t.Errorf("tokens of %+q:\n  search.js:     %s\n  search.Tokens: %s", s, fmtTokens(got[i]), fmtTokens(want))
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d strings tokenised differently", bad, len(strs))
	}
}

func goTokens(s string) [][]rune {
	out := [][]rune{}
	for _, tok := range search.Tokens(s) {
		out = append(out, []rune(tok))
	}
	return out
}

// compareCodePoints tokenises "a" c "a" for every code point c, lone
// surrogates included, in the page and in Go. The tokens tell c's class
// and lower case: a separator gives a, a; a word character l gives ala; a
// CJK character l gives a, l, a. The page sends them as runs of code points
// of the same class whose lower case is the same distance away, and the
// tokens themselves for anything else.
func compareCodePoints(t *testing.T, b *browser) {
	t.Helper()
	const js = `(() => {
	const tokens = window.accordSearch.tokens, runs = [], other = {};
	let last = "";
	for (let c = 0; c <= 0x10FFFF; c++) {
		const ch = String.fromCodePoint(c), toks = tokens("a" + ch + "a");
		let key = "";
		if (toks.length === 2 && toks[0] === "a" && toks[1] === "a") key = "s";
		else if (toks.length === 1 && toks[0].length >= 3 && toks[0][0] === "a" && toks[0].at(-1) === "a" &&
			Array.from(toks[0]).length === 3) key = "w" + (toks[0].codePointAt(1) - c);
		else if (toks.length === 3 && toks[0] === "a" && toks[2] === "a" && Array.from(toks[1]).length === 1) key = "c" + (toks[1].codePointAt(0) - c);
		else { other[c] = toks.map(tok => Array.from(tok, x => x.codePointAt(0))); key = "?" + c; }
		if (key !== last) { runs.push(c, key); last = key; }
	}
	return {runs: runs.map(String), other: other};
})()`
	type result struct {
		Runs  []string
		Other map[string][][]rune
	}
	res := evalIn[result](t, b, "tokenising every code point", js)
	var starts []rune
	var keys []string
	for i := 0; i+1 < len(res.Runs); i += 2 {
		c, err := strconv.Atoi(res.Runs[i])
		if err != nil {
			t.Fatal(err)
		}
		starts, keys = append(starts, rune(c)), append(keys, res.Runs[i+1])
	}
	bad, skew := 0, 0
	var skewed []string
	run := 0
	for c := rune(0); c <= unicode.MaxRune; c++ {
		for run+1 < len(starts) && starts[run+1] <= c {
			run++
		}
		enc := string(c)
		if utf16Surrogate(c) {
			enc = string([]byte{0xED, byte(0x80 | (c>>6)&0x3F), byte(0x80 | c&0x3F)})
		}
		want := goTokens("a" + enc + "a")
		gotKey, wantKey := keys[run], codePointKey(c, want)
		if gotKey == wantKey && gotKey[0] != '?' {
			continue
		}
		got := res.Other[strconv.Itoa(int(c))]
		if gotKey[0] != '?' {
			got = keyTokens(c, gotKey)
		}
		if slices.EqualFunc(got, want, slices.Equal) {
			continue
		}
		if !assigned(c) {
			// Go's tables know nothing of c: the browser's Unicode is newer.
			skew++
			if len(skewed) < 10 {
				skewed = append(skewed, fmt.Sprintf("U+%04X", c))
			}
			continue
		}
		bad++
		if bad <= 40 {
			t.Errorf("U+%04X %+q between two a: search.js %s, search.Tokens %s", c, string(c), fmtTokens(got), fmtTokens(want))
		}
	}
	if bad > 0 {
		t.Errorf("%d code points tokenised differently", bad)
	}
	if skew > 0 {
		t.Logf("%d code points unassigned in Go's Unicode %s are tokenised differently by the browser (e.g. %s): a newer Go brings their tables", skew, unicode.Version, strings.Join(skewed, " "))
	}
}

// evalIn is eval, but its errors leave out the expression, which is long.
func evalIn[T any](t *testing.T, b *browser, what, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s in the page: %v", what, err)
	}
	return v
}

// codePointKey is the key the page gives c for Go's tokens of "a" c "a".
func codePointKey(c rune, toks [][]rune) string {
	switch {
	case len(toks) == 2 && string(toks[0]) == "a" && string(toks[1]) == "a":
		return "s"
	case len(toks) == 1 && len(toks[0]) == 3 && toks[0][0] == 'a' && toks[0][2] == 'a':
		return "w" + strconv.Itoa(int(toks[0][1]-c))
	case len(toks) == 3 && string(toks[0]) == "a" && string(toks[2]) == "a" && len(toks[1]) == 1:
		return "c" + strconv.Itoa(int(toks[1][0]-c))
	}
	return "?"
}

// keyTokens is the inverse of codePointKey.
func keyTokens(c rune, key string) [][]rune {
	a := []rune("a")
	if key == "s" {
		return [][]rune{a, a}
	}
	d, _ := strconv.Atoi(key[1:])
	if key[0] == 'w' {
		return [][]rune{{'a', c + rune(d), 'a'}}
	}
	return [][]rune{a, {c + rune(d)}, a}
}

// assigned reports whether c is assigned in Go's Unicode tables.
func assigned(c rune) bool {
	return unicode.In(c, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs) // unicode.C has Cn too
}

func utf16Surrogate(c rune) bool { return 0xD800 <= c && c <= 0xDFFF }

// jsString returns s as a JavaScript string literal, all ASCII: an invalid
// byte is U+FFFD, a surrogate encoded in UTF-8 is that lone surrogate. It
// reports false when a high surrogate is followed by a low one, which in
// JavaScript make one character.
func jsString(s string) (string, bool) {
	var b strings.Builder
	b.WriteByte('"')
	prevHigh := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		high := false
		switch {
		case r == utf8.RuneError && n == 1:
			if i+2 < len(s) && s[i] == 0xED && s[i+1]&0xE0 == 0xA0 && s[i+2]&0xC0 == 0x80 {
				r = 0xD000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
				n = 3
				if prevHigh && r >= 0xDC00 {
					return "", false
				}
				high = r < 0xDC00
			}
			fmt.Fprintf(&b, `\u%04X`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04X\u%04X`, 0xD800+r>>10, 0xDC00+r&0x3FF)
		}
		prevHigh = high
		i += n
	}
	b.WriteByte('"')
	return b.String(), true
}

// fmtTokens shows tokens as quoted strings; a lone surrogate as \uD800.
func fmtTokens(toks [][]rune) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, tok := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		for _, r := range tok {
			if utf16Surrogate(r) {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			q := strconv.QuoteToASCII(string(r))
			if unicode.IsGraphic(r) && !unicode.Is(unicode.Mn, r) {
				q = strconv.Quote(string(r))
			}
			b.WriteString(q[1 : len(q)-1])
		}
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.String()
}
