package markdown

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// nestedList nests levels list items, each indented to its parent's content.
func nestedList(levels int, marker string) string {
	var b strings.Builder
	indent := strings.Repeat(" ", len(marker)+1)
	for i := 0; i < levels; i++ {
		b.WriteString(strings.Repeat(indent, i) + marker + " item\n")
	}
	return b.String()
}

func quotedList(quotes, levels int) string {
	var b strings.Builder
	for i := 0; i < levels; i++ {
		b.WriteString(strings.Repeat(">", quotes) + " " + strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

func TestCheckDepth(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int // 0: accepted
	}{
		{"empty", "", 0},
		{"plain", "# 标题\n\n正文\n\n- a\n  - b\n    - c\n", 0},
		{"quotes_at_limit", strings.Repeat(">", 100) + " x\n", 0},
		{"quotes_over_limit", "ok\n" + strings.Repeat(">", 101) + " x\n", 2},
		{"spaced_quotes_over_limit", strings.Repeat("> ", 101) + "x\n", 1},
		{"list_at_limit", nestedList(100, "-"), 0},
		{"list_over_limit", nestedList(101, "-"), 101},
		{"ordered_over_limit", nestedList(101, "1."), 101},
		{"markers_on_one_line", strings.Repeat("- ", 101) + "x\n", 1},
		{"mixed_on_one_line", strings.Repeat("> 1) ", 51) + "x\n", 1},
		{"ordered_wrong_indent_not_nested", strings.Repeat("1. x\n  ", 200), 0},
		{"quotes_plus_lists_at_limit", quotedList(60, 40), 0},
		{"quotes_plus_lists_over_limit", quotedList(60, 41), 41},
		{"tabs", nestedList(50, "-") + strings.Repeat("\t", 26) + "- x\n", 0},
		// 50 items on line 2 end with content at column 100 = 25 tabs.
		{"tabs_at_limit", "\t- x\n" + strings.Repeat("- ", 50) + "y\n" + strings.Repeat("\t", 25) + strings.Repeat("- ", 50) + "x\n", 0},
		{"tabs_over_limit", "\t- x\n" + strings.Repeat("- ", 50) + "y\n" + strings.Repeat("\t", 25) + strings.Repeat("- ", 51) + "x\n", 3},
		{"long_rule_is_not_lists", strings.Repeat("- ", 500) + "\n" + strings.Repeat("* ", 500) + "\n", 0},
		{"list_then_rule", "- " + strings.Repeat("* ", 500) + "\n", 0},
		{"deep_indent_without_markers", strings.Repeat(" ", 5000) + "code\n", 0},
		{"lists_closed_by_outdent", strings.Repeat(nestedList(60, "-")+"- top\n", 5), 0},
		{"emphasis_not_a_list", strings.Repeat("*a* ", 500) + "\n", 0},
		{"numbers_not_a_list", strings.Repeat("1.5 ", 500) + "\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, ok := CheckDepth([]byte(tt.src), MaxNesting)
			if ok != (tt.wantLine == 0) || line != tt.wantLine {
				t.Errorf("CheckDepth = (%d, %v), want line %d", line, ok, tt.wantLine)
			}
		})
	}
}

func TestRender_tooDeep(t *testing.T) {
	src := "# 标题\n\n" + strings.Repeat(">", 5000) + " x\n"
	_, err := New(Options{}).Render([]byte(src), nil, nil)
	var de *DepthError
	if !errors.As(err, &de) || de.Line != 3 {
		t.Fatalf("err = %v, want *DepthError at line 3", err)
	}
	if want := "markdown nested more than 100 levels deep"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
}

// The scan itself must stay linear on hostile lines, and input just under the
// limit must still render in reasonable time. The bounds are generous (the
// measured times are ~100x smaller) so that -race and a loaded machine pass.
// Not covered, because goldmark is at fault: it is quadratic in consecutive
// link reference definitions ("[x]: y" lines without a blank line between;
// 30,000 of them take a second).
func TestCheckDepth_fast(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	hostile := []string{
		strings.Repeat("- ", 500_000) + "x",
		strings.Repeat("1. ", 300_000) + "x",
		strings.Repeat(" ", 1_000_000) + "x",
	}
	for _, src := range hostile {
		start := time.Now()
		CheckDepth([]byte(src), MaxNesting)
		New(Options{}).Refs([]byte(src))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%.20q…: %v", src, d)
		}
	}
	atLimit := strings.Repeat(strings.Repeat(">", MaxNesting)+" x\n", 2000) + strings.Repeat(nestedList(MaxNesting, "-"), 20)
	start := time.Now()
	if _, err := New(Options{}).Render([]byte(atLimit), nil, nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("rendering %d bytes nested %d deep took %v", len(atLimit), MaxNesting, d)
	}
	t.Logf("%d bytes nested %d deep: %v", len(atLimit), MaxNesting, time.Since(start))
}
