package markdown

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// refGlossary is the simplest matcher of the same rule: at each character,
// every word, longest first (words of one length in the order given), the
// first that is there, may be linked and, for an ASCII word, stands as a
// whole word. A blocker found first hides what it covers and the search
// goes on after it, as if the text began there.
type refGlossary struct{ words []glossWord }

func newRefGlossary(entries [][]string, block ...string) *refGlossary {
	g := &refGlossary{}
	for i, ws := range entries {
		for _, w := range ws {
			if w = strings.TrimSpace(w); w != "" {
				g.words = append(g.words, glossWord{w, i, isASCIIWord(w)})
			}
		}
	}
	for _, w := range block {
		if w = strings.TrimSpace(w); w != "" {
			g.words = append(g.words, glossWord{w, blocker, isASCIIWord(w)})
		}
	}
	slices.SortStableFunc(g.words, func(a, b glossWord) int { return len(b.text) - len(a.text) })
	return g
}

func (g *refGlossary) find(s string, linked []bool) (start, end, entry int) {
	for off := 0; ; {
		i, j, e := g.earliest(s[off:], linked)
		if i < 0 || e != blocker {
			if i >= 0 {
				i, j = i+off, j+off
			}
			return i, j, e
		}
		off += j
	}
}

func (g *refGlossary) earliest(s string, linked []bool) (int, int, int) {
	for i := range s {
		for _, w := range g.words {
			j := i + len(w.text)
			switch {
			case !strings.HasPrefix(s[i:], w.text), w.entry != blocker && linked[w.entry]:
			case w.ascii && (i > 0 && isASCIIAlnum(s[i-1]) || j < len(s) && isASCIIAlnum(s[j])):
			default:
				return i, j, w.entry
			}
		}
	}
	return -1, -1, 0
}

// sameMatches links every term it can in text, as linkTerms does (each
// search going on after the last link), with both matchers.
func sameMatches(t *testing.T, entries [][]string, block []string, text string) {
	t.Helper()
	g, ref := NewGlossary(entries, block...), newRefGlossary(entries, block...)
	got, want := make([]bool, len(entries)), make([]bool, len(entries))
	for s := text; ; {
		i, j, e := g.find(s, got)
		wi, wj, we := ref.find(s, want)
		if i != wi || j != wj || i >= 0 && e != we {
			t.Fatalf("entries %q, blockers %q, text %q: at %q found [%d:%d] entry %d, the reference [%d:%d] entry %d",
				entries, block, text, s, i, j, e, wi, wj, we)
		}
		if i < 0 {
			return
		}
		got[e], want[we] = true, true
		s = s[j:]
	}
}

func TestGlossary_sameAsReference(t *testing.T) {
	// Few characters, so that words overlap, nest, repeat and touch.
	alphabet := []string{"a", "b", "A", "1", " ", "-", "信", "用", "证", "/", "é"}
	rng := rand.New(rand.NewPCG(6, 19))
	word := func(n int) string {
		var b strings.Builder
		for range 1 + rng.IntN(n) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 3000 {
		entries := make([][]string, rng.IntN(8))
		for i := range entries {
			for range 1 + rng.IntN(3) {
				entries[i] = append(entries[i], word(4))
			}
		}
		var block []string
		for range rng.IntN(3) {
			block = append(block, word(6))
		}
		sameMatches(t, entries, block, word(60))
	}
}

func TestGlossary_manyTermsOneFirstCharacter(t *testing.T) {
	var entries [][]string
	for i := range 5000 {
		entries = append(entries, []string{"信" + strings.Repeat("用", i%7) + string(rune('a'+i%26)) + strings.Repeat("证", i/182)})
	}
	text := strings.Repeat("信用证与信息在信封里，信用用c证证是信任。", 200) + entries[4999][0]
	sameMatches(t, entries, []string{"信用用", "信息"}, text)
}

// TestGlossary_costIndependentOfTermCount: finding terms in a text costs
// about the same with 100 terms or 20,000 that all begin with the same
// character (each tried in turn there, it was a hundred times more).
func TestGlossary_costIndependentOfTermCount(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	text := strings.Repeat("信用证与信息在信封里，信任。", 2000)
	cost := func(n int) time.Duration {
		var entries [][]string
		for i := range n {
			entries = append(entries, []string{fmt.Sprintf("信%d号", i)})
		}
		g := NewGlossary(entries)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			if i, _, _ := g.find(text, make([]bool, n)); i >= 0 {
				t.Fatalf("found a term at %d", i)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	if few, many := cost(100), cost(20_000); many > 10*few+time.Millisecond {
		t.Errorf("20,000 terms took %v, 100 terms %v", many, few)
	}
}

// FuzzGlossary compares the trie with the reference on words and text cut
// from the input: the first line is the words ("|" between entries, ","
// between aliases, "!" before a blocker), the rest the text. Words are
// valid UTF-8, as TOML strings are; the text may be anything.
func FuzzGlossary(f *testing.F) {
	for _, s := range []string{
		"信用证,L/C|FOB|跟单信用证统一惯例\n参照跟单信用证统一惯例开立信用证，FOBS is not FOB.",
		"FOB|!ABC\nABCFOB FOB",
		"a|ab|abc|!b\nabcab ab a",
		"x|x|!x\nx x x",
		"信|信用\n\xe4\xbf信用\xff信",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 8192 {
			return // the reference is slow: it tries every word everywhere
		}
		head, text, _ := strings.Cut(in, "\n")
		var entries [][]string
		var block []string
		for _, part := range strings.Split(head, "|") {
			if w, ok := strings.CutPrefix(part, "!"); ok {
				block = append(block, strings.ToValidUTF8(w, ""))
				continue
			}
			var ws []string
			for _, w := range strings.Split(part, ",") {
				ws = append(ws, strings.ToValidUTF8(w, ""))
			}
			entries = append(entries, ws)
		}
		sameMatches(t, entries, block, text)
	})
}
