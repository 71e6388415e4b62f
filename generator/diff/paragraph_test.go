package diff

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Quote within 24h.", []string{"Quote", " ", "within", " ", "24h", "."}},
		{"业务员跟踪CRM记录", []string{"业", "务", "员", "跟", "踪", "CRM", "记", "录"}},
		{"报价（FOB）：15天", []string{"报", "价", "（", "FOB", "）", "：", "15", "天"}},
		{"café  naïve", []string{"café", "  ", "naïve"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitParagraphs(t *testing.T) {
	body := "\n\n# Title\n\nfirst line\n  second   line\n\n中文第一行，\n第二行。\n\n- a\n  continued\n- b\n| x | y |\n|---|---|\n"
	var got []string
	for _, p := range splitParagraphs(body) {
		got = append(got, p.text)
	}
	want := []string{"# Title", "first line second line", "中文第一行，第二行。", "- a continued\n- b\n| x | y |\n|---|---|"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs = %q\nwant %q", got, want)
	}
	if ps := splitParagraphs(body); ps[0].line != 3 || ps[2].line != 8 {
		t.Errorf("lines = %d, %d; want 3, 8", ps[0].line, ps[2].line)
	}
}

func TestDiffText_cases(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "a\n\nb", "a\n\n\nb\n", ""},
		{"rewrapped", "one two\nthree", "one\ntwo three", ""},
		{"added at end", "a", "a\n\nb", "added 0→2 b"},
		{"removed in middle", "a\n\nb\n\nc", "a\n\nc", "removed 2→0 b"},
		{"changed", "the quick fox", "the slow fox", "changed 1→1 the [-quick-]{+slow+} fox"},
		{"rewritten whole is removed and added", "alpha beta", "gamma delta", "removed 1→0 alpha beta|added 0→1 gamma delta"},
		{"moved paragraph", "a\n\nb\n\nc", "b\n\nc\n\na", "removed 1→0 a|added 0→3 a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range diffText(tt.old, tt.new) {
				s := p.Change + " " + strconv.Itoa(p.OldIndex) + "→" + strconv.Itoa(p.NewIndex) + " "
				switch p.Change {
				case Added:
					s += p.New
				case Removed:
					s += p.Old
				default:
					s += (&textPrinter{}).inline(p.Spans)
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// FuzzParagraphDiff checks that comparing any two texts never panics, and
// that the operations are a faithful edit: read one way they give the old
// paragraphs, read the other way the new ones, and every inline diff spells
// both of its paragraphs.
func FuzzParagraphDiff(f *testing.F) {
	f.Add("a\n\nb", "a\n\nc")
	f.Add("业务员跟踪生产进度，\n每周报告。", "跟单员跟踪生产进度，每周一报告。")
	f.Add("- one\n- two\n\n| a | b |", "- one\n- three\n\n| a | c |")
	f.Add("", "x")
	f.Add("\xff\xfe", "\u00e9\u0301 \U0001F600")
	f.Add("\ue000\uf8ff", "\ue000")
	f.Fuzz(func(t *testing.T, old, new string) {
		oldT, newT := texts(splitParagraphs(old)), texts(splitParagraphs(new))
		var gotOld, gotNew []string
		for _, op := range align(oldT, newT) {
			if op.old >= 0 {
				gotOld = append(gotOld, oldT[op.old])
			}
			if op.new >= 0 {
				gotNew = append(gotNew, newT[op.new])
			}
			switch op.kind {
			case Equal:
				if oldT[op.old] != newT[op.new] {
					t.Fatalf("equal op pairs different paragraphs %q and %q", oldT[op.old], newT[op.new])
				}
			case Changed:
				checkSpans(t, op.spans, oldT[op.old], newT[op.new])
			}
		}
		if !slices.Equal(gotOld, oldT) || !slices.Equal(gotNew, newT) {
			t.Fatalf("ops do not rebuild the texts:\nold %q\ngot %q\nnew %q\ngot %q", oldT, gotOld, newT, gotNew)
		}
		checkSpans(t, Inline(old, new), old, new)
		_ = diffText(old, new)
	})
}

func checkSpans(t *testing.T, spans []Span, old, new string) {
	t.Helper()
	var a, b strings.Builder
	for i, s := range spans {
		if s.Text == "" {
			t.Fatalf("empty span %d in %q", i, spans)
		}
		if i > 0 && s.Op == spans[i-1].Op {
			t.Fatalf("spans %d and %d share op %s: %q", i-1, i, s.Op, spans)
		}
		if s.Op != Insert {
			a.WriteString(s.Text)
		}
		if s.Op != Delete {
			b.WriteString(s.Text)
		}
	}
	if a.String() != old || b.String() != new {
		t.Fatalf("spans %q rebuild %q / %q, want %q / %q", spans, a.String(), b.String(), old, new)
	}
	if utf8.ValidString(old) && utf8.ValidString(new) {
		for _, s := range spans {
			if !utf8.ValidString(s.Text) {
				t.Fatalf("span %q splits a character", s.Text)
			}
		}
	}
}

// TestInlineBlock: lists and tables are diffed item by item; the spans
// always give back both sides.
func TestInlineBlock(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"- The on-call engineer has VPN access.\n- The team lead approves.", "- The on-call engineer has VPN access.\n- The security officer reviews access.\n- The team lead approves.",
			"- The on-call engineer has VPN access.\n{+- The security officer reviews access.\n+}- The team lead approves."},
		{"- a\n- b", "- a\n- b\n- c", "- a\n- b{+\n- c+}"},
		{"- a\n- b\n- c", "- a\n- c", "- a\n[-- b\n-]- c"},
		{"| a | 1 |\n| b | 2 |", "| a | 1 |\n| b | 3 |", "| a | 1 |\n| b | [-2-]{+3+} |"},
		{"one line", "one new line", "one {+new +}line"},
	}
	for _, tt := range tests {
		spans := inlineBlock(tt.old, tt.new)
		var got, o, n strings.Builder
		for _, s := range spans {
			switch s.Op {
			case Equal:
				got.WriteString(s.Text)
				o.WriteString(s.Text)
				n.WriteString(s.Text)
			case Insert:
				got.WriteString("{+" + s.Text + "+}")
				n.WriteString(s.Text)
			case Delete:
				got.WriteString("[-" + s.Text + "-]")
				o.WriteString(s.Text)
			}
		}
		if got.String() != tt.want {
			t.Errorf("inlineBlock(%q, %q) =\n%s\nwant\n%s", tt.old, tt.new, got.String(), tt.want)
		}
		if o.String() != tt.old || n.String() != tt.new {
			t.Errorf("spans give back %q and %q, not both sides", o.String(), n.String())
		}
	}
}
