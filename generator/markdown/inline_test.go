package markdown

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestCheckInline(t *testing.T) {
	para := func(k int) string { return strings.Repeat("[a", k) + "\n" }
	tests := []struct {
		name string
		src  string
		line int // 0: accepted
	}{
		{"under the limit", para(10), 0},
		{"over the limit", "ok\n\n" + para(11), 3},
		{"lines of one paragraph add up", "x\n" + para(6) + para(6), 1},
		{"blank lines separate", para(6) + "\n" + para(6) + " \t\r\n" + para(6), 0},
		{"a quote's blank line separates", "> " + para(6) + ">\n> " + para(6), 0},
		{"runs count once", "***a*** ___b___ ``c`` ~~d~~ " + strings.Repeat("*", 50), 0},
		{"runs over the limit", strings.Repeat("*a_", 6), 1},
		{"fenced code is not counted", "```go\n" + strings.Repeat(para(6), 5) + "```\n" + para(6), 0},
		{"tilde fence, longer closing", "~~~~\n" + strings.Repeat(para(6), 5) + "~~~~~~\n", 0},
		{"fence in a quote", "> ```\n> " + para(6) + "> " + para(6) + "> ```\n", 0},
		{"a quote's end ends its fence", "> ```\n> " + para(6) + "after\n" + para(6) + para(6), 3},
		{"backtick in the info string: not a fence", "``` a`b\n" + para(6) + para(6), 1},
		{"indented four: not a fence", "text\n    ```\n" + para(6) + para(6), 1},
		{"a short closing run closes early", "`````\ncode\n```\n" + para(6) + para(6), 4},
		{"unclosed fence runs to the end", "```\n" + strings.Repeat(para(6), 10), 0},
	}
	for _, tt := range tests {
		line, ok := CheckInline([]byte(tt.src), 10)
		if ok != (tt.line == 0) || line != tt.line {
			t.Errorf("%s: got line %d, ok %v; want line %d", tt.name, line, ok, tt.line)
		}
	}
}

// hostileParagraphs are the inputs on which goldmark's cost grows with the
// square of a paragraph's markers or worse (measured: 160 KB in one
// paragraph took 11 s, 31 s and more).
var hostileParagraphs = map[string]string{
	"unclosed link destinations": "[a](",
	"mixed emphasis":             "_a*",
	"reference definitions":      "[a]: b\n",
	"emphasis runs":              "*a_b*c_d**e_f*g**h*i_j**",
}

// TestRender_hostileParagraphsRefused: one such paragraph of 160 KB is
// refused before parsing, at its line, at once.
func TestRender_hostileParagraphsRefused(t *testing.T) {
	r := New(Options{})
	for name, unit := range hostileParagraphs {
		src := "# Title\n\n" + strings.Repeat(unit, 160<<10/len(unit))
		start := time.Now()
		_, err := r.Render([]byte(src), nil, nil)
		var ie *InlineError
		if !errors.As(err, &ie) || ie.Line != 3 {
			t.Errorf("%s: err = %v, want an InlineError at line 3", name, err)
		}
		if refs := r.Refs([]byte(src)); refs != nil {
			t.Errorf("%s: Refs parsed it", name)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: refused in %s", name, d)
		}
	}
}

// TestRender_hostileParagraphsBounded: 256 KB of such paragraphs, each just
// under the limit, renders in time proportional to its size: no slower per
// byte than 100 times ordinary Markdown (testdata/bench.md), whatever the
// machine and the race detector do to both.
func TestRender_hostileParagraphsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile Markdown")
	}
	const size = 256 << 10
	r := New(Options{})
	bench, err := os.ReadFile("testdata/bench.md")
	if err != nil {
		t.Fatal(err)
	}
	ordinary := bytes.Repeat(append(bench, "\n\n"...), size/len(bench))
	start := time.Now()
	if _, err := r.Render(ordinary, nil, nil); err != nil {
		t.Fatal(err)
	}
	perByte := float64(time.Since(start)) / float64(len(ordinary))
	for name, unit := range hostileParagraphs {
		per := MaxInlineMarkers / max(1, markers([]byte(unit)))
		para := strings.Repeat(unit, per) + "\n\n"
		src := strings.Repeat(para, size/len(para))
		if _, ok := CheckInline([]byte(src), MaxInlineMarkers); !ok {
			t.Fatalf("%s: paragraphs just under the limit refused", name)
		}
		start := time.Now()
		if _, err := r.Render([]byte(src), nil, nil); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		took := time.Since(start)
		ratio := float64(took) / float64(len(src)) / perByte
		t.Logf("%-27s %d KB in paragraphs of %d markers: %s, %.0f times ordinary Markdown", name, len(src)>>10, per*markers([]byte(unit)), took.Round(time.Millisecond), ratio)
		if ratio > 100 {
			t.Errorf("%s: %.0f times slower than ordinary Markdown per byte", name, ratio)
		}
	}
}
