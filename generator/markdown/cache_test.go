package markdown

import (
	"strings"
	"testing"
)

func TestCache_hitsOnlyWhenAnswersMatch(t *testing.T) {
	c := NewCache()
	r := New(Options{}).WithCache(c)
	src := []byte("See the [policy](../policies/a.md) on 信用证.\n")
	gloss := NewGlossary([][]string{{"信用证", "L/C"}})
	target := "a.html"
	page := func() Page {
		return Page{
			Resolve: func(dest string, image bool) (string, bool) {
				return target, true
			},
			Glossary:     gloss,
			GlossaryLink: func(int) (string, string) { return "../glossary.html#lc", "Letter of credit" },
		}
	}
	first, err := r.RenderPage(src, page())
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := New(Options{}).RenderPage(src, page())
	if string(first.HTML) != string(plain.HTML) {
		t.Fatalf("cached renderer differs from a plain one:\n%s\n%s", first.HTML, plain.HTML)
	}
	second, _ := r.RenderPage(src, page())
	if string(second.HTML) != string(first.HTML) || c.Len() != 1 {
		t.Errorf("same source and answers: %d entries, want a hit on 1", c.Len())
	}

	// The link's target moved: the same source renders afresh.
	target = "b.html"
	third, _ := r.RenderPage(src, page())
	if !strings.Contains(string(third.HTML), `href="b.html"`) {
		t.Errorf("stale render after the target moved: %s", third.HTML)
	}
	if c.Len() != 2 {
		t.Errorf("%d entries, want 2 variants", c.Len())
	}

	// A new glossary is another key.
	p := page()
	p.Glossary = NewGlossary([][]string{{"FOB"}})
	fourth, _ := r.RenderPage(src, p)
	if strings.Contains(string(fourth.HTML), "glossary.html") {
		t.Errorf("glossary link from the old glossary: %s", fourth.HTML)
	}

	// Sweep keeps what was used since the last sweep, then what is used again.
	c.Sweep()
	if c.Len() != 3 {
		t.Errorf("after the first sweep: %d entries, want 3", c.Len())
	}
	r.RenderPage(src, page())
	c.Sweep()
	if c.Len() != 1 {
		t.Errorf("after the second sweep: %d entries, want the 1 used", c.Len())
	}
}

func TestCache_resultIsACopy(t *testing.T) {
	r := New(Options{}).WithCache(NewCache())
	src := []byte("# Title\n\ntext\n")
	a, _ := r.RenderPage(src, Page{})
	a.Headings[0].Text = "X"
	b, _ := r.RenderPage(src, Page{})
	if b.Headings[0].Text == "X" {
		t.Error("a caller's change reached the cache")
	}
}
