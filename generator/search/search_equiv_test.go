package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The reference implementations below are the first, simple versions of
// Tokens and Build. The faster ones must give byte-identical output.

func refTokens(s string) []string {
	var out []string
	var word, cjk []rune
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
	for _, r := range strings.ReplaceAll(strings.ToLower(s), "ς", "σ") {
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

func refBuild(docs []Doc) []byte {
	postings := map[string][]int{}
	out := make([][4]string, 0, len(docs))
	for i, d := range docs {
		text := refClip(strings.Join(strings.Fields(d.Text), " "), MaxText)
		out = append(out, [4]string{d.Kind, d.Title, d.URL, text})
		seen := map[string]bool{}
		for _, t := range refTokens(d.Title + " " + text) {
			if !seen[t] {
				seen[t] = true
				postings[t] = append(postings[t], i)
			}
		}
	}
	var terms []string
	for t := range postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var b bytes.Buffer
	b.WriteString("window.ACCORD_SEARCH={\"v\":1,\"docs\":")
	docJSON, _ := json.Marshal(out)
	b.Write(docJSON)
	b.WriteString(",\"terms\":{")
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(t)
		b.Write(k)
		b.WriteString(":\"")
		prev := 0
		for j, n := range postings[t] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(int64(n-prev), 36))
			prev = n
		}
		b.WriteByte('"')
	}
	b.WriteString("}};\n")
	return b.Bytes()
}

func refClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// randomText mixes the scripts and separators that tokenising cares about.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{"信用证", "报关", "汇", "ひらがな", "カタカナ", "한국어", "ᄀ", "FOB", "L/C", "Letter-of-Credit2026",
		"É", "ǅ", "İ", "ß", "٣", " ", "\t", "\n", "—", "…", "<", ">", "&", "\"", "\\", "\u2028", "\xff", "\xe4\xbf", "a", "Z", "9", "_", "'"}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestTokens_sameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		s := randomText(r, r.IntN(12))
		got, want := Tokens(s), refTokens(s)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("case %d: Tokens(%q) = %q, want %q", i, s, got, want)
		}
	}
}

func TestBuild_sameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var docs []Doc
	for i := range 3000 { // enough for Build to split the work
		docs = append(docs, Doc{Kind: "page", Title: randomText(r, 4), URL: "p/" + strconv.Itoa(i) + ".html", Text: randomText(r, r.IntN(300))})
		if i%7 == 0 {
			docs = append(docs, Doc{Kind: "section", Title: "", URL: "#", Text: strings.Repeat("信用证 FOB ", 400)}) // clipped
		}
	}
	want := refBuild(docs)
	// Documents as render makes them, with their text as the index keeps
	// it, give the same index.
	made := make([]Doc, len(docs))
	for i, d := range docs {
		made[i] = NewDoc(d.Kind, d.Title, d.URL, d.Text)
	}
	// Build indexes a range of documents per CPU and merges the ranges'
	// terms: one range, two, and more than the machine may have.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 7} {
		runtime.GOMAXPROCS(procs)
		for _, docs := range [][]Doc{docs, made} {
			checkIndex(t, Build(docs).JS, want)
			checkIndex(t, buildTo(t, docs), want)
		}
	}
	checkIndex(t, Build(nil).JS, refBuild(nil))
	checkIndex(t, buildTo(t, nil), refBuild(nil))
}

// buildTo is the index that BuildTo writes, checked written once: every
// byte up to Index.Size exactly once, nothing past it.
func buildTo(t *testing.T, docs []Doc) []byte {
	t.Helper()
	var w writerAt
	idx, err := BuildTo(&w, docs)
	if err != nil {
		t.Fatal(err)
	}
	if idx.JS != nil {
		t.Errorf("BuildTo returned the index in JS too")
	}
	if w.err != nil {
		t.Fatal(w.err)
	}
	if len(w.b) != idx.Size {
		t.Fatalf("BuildTo wrote %d bytes, says %d", len(w.b), idx.Size)
	}
	for i, n := range w.times {
		if n != 1 {
			t.Fatalf("BuildTo wrote byte %d of %d %d times", i, idx.Size, n)
		}
	}
	if mem := Build(docs); mem.Size != idx.Size || mem.Docs != idx.Docs || mem.Terms != idx.Terms || mem.Size != len(mem.JS) {
		t.Errorf("BuildTo: %d bytes, %d docs, %d terms; Build: %d (JS %d), %d, %d", idx.Size, idx.Docs, idx.Terms, mem.Size, len(mem.JS), mem.Docs, mem.Terms)
	}
	return w.b
}

// writerAt is an io.WriterAt in memory that counts the writes of each
// byte, as BuildTo's writers call it: from several goroutines at once.
type writerAt struct {
	mu    sync.Mutex
	b     []byte
	times []int
	err   error
}

func (w *writerAt) WriteAt(p []byte, off int64) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if off < 0 {
		w.err = fmt.Errorf("write at %d", off)
		return 0, w.err
	}
	if end := int(off) + len(p); end > len(w.b) {
		w.b = append(w.b, make([]byte, end-len(w.b))...)
		w.times = append(w.times, make([]int, end-len(w.times))...)
	}
	copy(w.b[off:], p)
	for i := range p {
		w.times[int(off)+i]++
	}
	return len(p), nil
}

// failAt fails every write from its nth on.
type failAt struct {
	n atomic.Int32
}

func (f *failAt) WriteAt(p []byte, off int64) (int, error) {
	if f.n.Add(-1) < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestBuildTo_fails: a failed write is BuildTo's error, whichever it is.
func TestBuildTo_fails(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var docs []Doc
	for i := range 3000 {
		docs = append(docs, Doc{Kind: "page", Title: randomText(r, 4), URL: "p/" + strconv.Itoa(i) + ".html", Text: randomText(r, r.IntN(300))})
	}
	var all writerAt
	if _, err := BuildTo(&all, docs); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3} {
		runtime.GOMAXPROCS(procs)
		for n := range 8 {
			f := &failAt{}
			f.n.Store(int32(n))
			if _, err := BuildTo(f, docs); err == nil || err.Error() != "disk full" {
				t.Errorf("GOMAXPROCS %d, write %d failing: BuildTo returned %v", procs, n, err)
			}
		}
	}
	if _, err := BuildTo(nil, docs); err == nil {
		t.Errorf("BuildTo(nil) returned no error")
	}
}

func checkIndex(t *testing.T, got, want []byte) {
	t.Helper()
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("index differs at byte %d: got …%q…, want …%q…", i, got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
	}
}

var refTagRE = regexp.MustCompile(`(?s)<[^>]*>`)

func refText(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(refTagRE.ReplaceAllString(h, " "))), " ")
}

func TestText_sameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"<p>", "</p>", "<a href=\"x\">", "<", ">", "&amp;", "&lt;", "&#x4e2d;", " ", "\u00a0", "\u3000", "\u0085", "\n", "\t", "\v", "\f", "\r",
		"信用证", "FOB", "\xff", "<svg><text>x</text></svg>", "<h2 id=\"a\">", "</h2>", "x",
		"&amp", "&#32;", "&nbsp;", "&#x3000;", "&", "&#", ";", "amp"}
	for i := range 20000 {
		var b strings.Builder
		for range r.IntN(15) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Text(s), refText(s); got != want {
			t.Fatalf("case %d: Text(%q) = %q, want %q", i, s, got, want)
		}
		var u Units
		text(s, &u)
		if c, w := refReadingUnits(refText(s)); u != (Units{c, w}) {
			t.Fatalf("case %d: text(%q) measures %+v, want %d, %d", i, s, u, c, w)
		}
		c, w := ReadingUnits(s)
		if rc, rw := refReadingUnits(s); c != rc || w != rw {
			t.Fatalf("case %d: ReadingUnits(%q) = %d, %d, want %d, %d", i, s, c, w, rc, rw)
		}
		if got, want := squash(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("case %d: squash(%q) = %q, want %q", i, s, got, want)
		}
	}
}

func TestIsCJK_fastPathIsHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("U+%04X is not Han: the fast path of isCJK is wrong", r)
		}
	}
}

func refReadingUnits(text string) (cjkChars, words int) {
	for _, t := range strings.Fields(text) {
		latin := false
		for _, r := range t {
			if isCJK(r) {
				cjkChars++
			} else if !latin && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				latin = true
			}
		}
		if latin {
			words++
		}
	}
	return
}

func TestIsSpace_sameAsUnicode(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(U+%04X) = %v", r, isSpace(r))
		}
	}
}

func TestClip_sameAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 20000 {
		s, n := randomText(r, r.IntN(12)), r.IntN(20)
		if got, want := clip(s, n), refClip(s, n); got != want {
			t.Fatalf("case %d: clip(%q, %d) = %q, want %q", i, s, n, got, want)
		}
	}
}

func FuzzClip(f *testing.F) {
	f.Add("信用证 FOB\xff L/C", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = max(0, n%64)
		if got, want := clip(s, n), refClip(s, n); got != want {
			t.Errorf("clip(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}

// checkPlain: eachTerm's plain says what jsonLen (checked against
// encoding/json by TestJSONLen) says.
func checkPlain(t *testing.T, s string) {
	t.Helper()
	if _, got := eachTerm(s, nil, func([]byte, uint64) {}); got != (jsonLen(s) == len(s)+2) {
		t.Fatalf("eachTerm(%q) says plain is %v, jsonLen %d", s, got, jsonLen(s))
	}
}

func TestEachTerm_plain(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		checkPlain(t, randomText(r, r.IntN(8)))
	}
	for c := range 0x80 {
		checkPlain(t, "x"+string(rune(c))+"y")
	}
	for _, s := range []string{"\u2028", "\u2029", "\ufffd", "\xff", "\xe4\xbf", "信\xe4\xbf", "…"} {
		checkPlain(t, s)
	}
}

// FuzzAppendJSONString: strings are escaped as encoding/json escapes them,
// and measured as they are written.
func FuzzAppendJSONString(f *testing.F) {
	f.Add("信用证 \"FOB\" <L/C> & \\ \b\f\n\r\t\x00\x1f\u2028\u2029\xff\xe4\xbf")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s, jsonLen(s) == len(s)+2); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want x%s", s, got, want)
		}
		if n := jsonLen(s); n != len(want) {
			t.Errorf("jsonLen(%q) = %d, want %d", s, n, len(want))
		}
	})
}

func FuzzSquash(f *testing.F) {
	f.Add(" 信用证\u3000FOB\u00a0 L/C\xe1\xff\u2028 ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := squash(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("squash(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzTokens(f *testing.F) {
	f.Add("汇率风险 FOB L/C Letter-of-Credit2026 ǅİẞK ひらがな\xff한")
	f.Add("信\xe4\xbf")         // a Han character's lead, cut short
	f.Add("\xe4\xbf\xff信䷀䶵㐀用") // a bad continuation; U+4DC0 (not Han), U+4DB5 and U+3400 (Han)
	f.Fuzz(func(t *testing.T, s string) {
		got, want := Tokens(s), refTokens(s)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Errorf("Tokens(%q) = %q, want %q", s, got, want)
		}
		checkPlain(t, s)
	})
}

// FuzzBuild indexes documents cut from the fuzzed strings: titles and texts
// that share tokens, so postings run across documents.
func FuzzBuild(f *testing.F) {
	f.Add("信用证 FOB", "L/C 信用证\xff Letter", 3)
	f.Fuzz(func(t *testing.T, title, text string, n int) {
		var docs []Doc
		for i := range max(1, n%8) {
			docs = append(docs, Doc{Kind: "page", Title: title[:len(title)*i/8], URL: strconv.Itoa(i), Text: text[len(text)*i/8:]})
			if i%2 == 1 {
				docs[i] = NewDoc(docs[i].Kind, docs[i].Title, docs[i].URL, docs[i].Text)
			}
		}
		if got, want := Build(docs).JS, refBuild(docs); !bytes.Equal(got, want) {
			t.Errorf("Build(%+v) = %s, want %s", docs, got, want)
		}
		// Split and merged over ranges.
		many := slices.Repeat(docs, 1100/len(docs)+1) // two ranges and more
		if got, want := Build(many).JS, refBuild(many); !bytes.Equal(got, want) {
			t.Errorf("Build of %d documents differs from refBuild", len(many))
		}
		// Streamed, as a build writes it.
		if got, want := buildTo(t, many), refBuild(many); !bytes.Equal(got, want) {
			t.Errorf("BuildTo of %d documents differs from refBuild", len(many))
		}
		if got, want := buildTo(t, docs), refBuild(docs); !bytes.Equal(got, want) {
			t.Errorf("BuildTo(%+v) = %s, want %s", docs, got, want)
		}
	})
}
