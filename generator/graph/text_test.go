package graph

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in   string
		max  float64
		want []string
	}{
		{"外贸业务员", nameEm, []string{"外贸业务员"}},
		{"单证员（兼职信用证审核与出口退税资料整理）", nameEm, []string{"单证员（兼职信用", "证审核与出口退税", "资料整理）"}},
		{"Purchasing Supervisor", nameEm, []string{"Purchasing", "Supervisor"}},
		{"Documentation clerk for L/C", nameEm, []string{"Documentation", "clerk for L/C"}},
		{"Supercalifragilisticexpialidocious", nameEm, []string{"Supercalifragili", "sticexpialidocio", "us"}},
		{"外贸部 Sales Rep", nameEm, []string{"外贸部 Sales Rep"}},
		{"审核，确认。", 3, []string{"审核，", "确认。"}},
		{"a\nb", nameEm, []string{"a", "b"}},
		{"", nameEm, []string{""}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.max)
		if !slices.Equal(got, tt.want) {
			t.Errorf("wrap(%q) = %q, want %q", tt.in, got, tt.want)
		}
		for _, l := range got {
			if textEm(l) > tt.max+wideEm && !strings.ContainsAny(l, "，。") {
				t.Errorf("wrap(%q): line %q is %.1f em wide", tt.in, l, textEm(l))
			}
		}
	}
}

// TestBoxSize_fitsText: a box is at least as wide as its text measured
// with CJK at a full em, whatever Graphviz would have estimated.
func TestBoxSize_fitsText(t *testing.T) {
	for _, lines := range [][]string{{"外贸业务员"}, {"单证员（兼职信用", "证审核与出口退税"}, {"Purchasing", "Supervisor"}} {
		w, h := boxSize(lines)
		for _, l := range lines {
			if need := textEm(l) * fontSize / 72; w < need {
				t.Errorf("%q: box %.2fin narrower than text %.2fin", l, w, need)
			}
		}
		if need := float64(len(lines)) * fontSize / 72; h < need {
			t.Errorf("%q: box %.2fin lower than %d lines", lines, h, len(lines))
		}
	}
}

// wrapSpec is wrap as it was first written, with a slice of segments and
// a builder: wrap must break every name where it did, or the DOT text, and
// so every graph's cache key, would change.
func wrapSpec(s string, maxEm float64) []string {
	type segment struct {
		text  string
		space bool
	}
	segments := func(s string) []segment {
		var out []segment
		space := false
		for s != "" {
			r, n := utf8.DecodeRuneInString(s)
			switch {
			case r == ' ' || r == '\t':
				space = true
				s = s[n:]
				continue
			case strings.ContainsRune(noBreakBefore, r) && len(out) > 0 && !space:
				out[len(out)-1].text += string(r)
				s = s[n:]
				continue
			case isWide(r):
				out = append(out, segment{string(r), space})
				s = s[n:]
			default:
				end := strings.IndexFunc(s, func(r rune) bool {
					return r == ' ' || r == '\t' || isWide(r)
				})
				if end < 0 {
					end = len(s)
				}
				out = append(out, segment{s[:end], space})
				s = s[end:]
			}
			space = false
		}
		return out
	}
	var lines []string
	var cur strings.Builder
	curEm := 0.0
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
		}
		cur.Reset()
		curEm = 0
	}
	for _, para := range strings.Split(s, "\n") {
		for _, seg := range segments(para) {
			text, em := seg.text, textEm(seg.text)
			if seg.space && cur.Len() > 0 {
				text, em = " "+text, em+narrowEm
			}
			if cur.Len() > 0 && curEm+em > maxEm {
				flush()
				text, em = seg.text, textEm(seg.text)
			}
			for cur.Len() == 0 && em > maxEm {
				head, rest := cutEm(text, maxEm)
				lines = append(lines, head)
				text, em = rest, textEm(rest)
			}
			cur.WriteString(text)
			curEm += em
		}
		flush()
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// FuzzWrap: wrap breaks lines where wrapSpec does, at the widths the
// graphs use.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", "外贸业务员", "单证员（兼职信用证审核与出口退税资料整理）", "Documentation  clerk\tfor L/C ",
		"Supercalifragilisticexpialidocious", "审核，确认。", " a\n\nb ", "中,abc)x， ，", "R: 外贸业务员、单证员 A: Purchasing Supervisor",
		"abcdefghijklmnop qrstuvwxyzabcdef", "\xe4\xb8 x\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, maxEm := range []float64{3, nameEm, stepNameEm, stepRACIEm} {
			if got, want := wrap(s, maxEm), wrapSpec(s, maxEm); !slices.Equal(got, want) {
				t.Fatalf("wrap(%q, %v) = %q, want %q", s, maxEm, got, want)
			}
		}
	})
}
