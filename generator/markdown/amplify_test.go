package markdown

import (
	"strings"
	"testing"
)

func TestCheckTables(t *testing.T) {
	row := func(n int, cell string) string { return "|" + strings.Repeat(cell+"|", n) + "\n" }
	tests := []struct {
		name string
		src  string
		max  int
		line int // 0: passes
	}{
		{"small", "| a | b |\n|---|:-:|\n| 1 | 2 |\n", 6, 0},
		{"at the limit", row(2, "h") + row(2, "-") + row(2, "x") + row(2, "x") + row(2, "x"), 8, 0},
		{"one row over", row(2, "h") + row(2, "-") + row(2, "x") + row(2, "x") + row(2, "x") + row(2, "x"), 8, 1},
		{"short rows still count", "intro\n\n" + row(3, "h") + row(3, "-") + strings.Repeat("|a\n", 10), 30, 3},
		{"no outer pipes", "h | h\n--- | :---:\n1 | 2\n", 3, 1},
		{"in a block quote", "> | h | h |\n> |---|---|\n> | 1 | 2 |\n> | 1 | 2 |\n", 5, 1},
		{"in a list item", "- | h | h |\n  |---|---|\n  | 1 | 2 |\n  | 1 | 2 |\n", 5, 1},
		{"a setext heading is no table", "Title\n---\ntext\nmore\n", 1, 0},
		{"a thematic break is no table", "text\n\n---\n\nmore\n", 1, 0},
		{"a blank line ends it", row(2, "h") + row(2, "-") + row(2, "x") + "\n" + row(2, "x") + row(2, "x"), 4, 0},
		{"a wide table after a narrow delimiter row, in one block", "a|b\n|-|\n" + row(5, "h") + row(5, "-") + row(5, "x") + row(5, "x"), 12, 3},
		{"counted in code too", "```\n" + row(2, "h") + row(2, "-") + row(2, "x") + "```\n", 4, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTables([]byte(tt.src), tt.max)
			got := 0
			if err != nil {
				got = err.Line
			}
			if got != tt.line {
				t.Errorf("CheckTables = line %d (%v), want %d", got, err, tt.line)
			}
		})
	}
}

func TestCheckRefs(t *testing.T) {
	uses := func(n int, label string) string { return strings.Repeat("see [x]["+label+"] ", n) + "\n\n" }
	tests := []struct {
		name string
		src  string
		max  int
		line int
		n    int // uses reported
	}{
		{"few uses", uses(3, "r") + "[r]: https://example.com/abc\n", 100, 0, 0},
		{"over", uses(5, "r") + "[r]: https://example.com/abc\n", 100, 3, 5},
		{"shortcut and collapsed uses", "[r] and [R][] and [ r ]\n\n[r]: https://example.com/abcdefghij\n", 80, 3, 3},
		{"the definition is no use", "[r]: https://example.com/abcdefghij\n", 10, 0, 0},
		{"several definitions add up", uses(2, "a") + uses(2, "b") + "[a]: " + strings.Repeat("a", 30) + "\n[b]: " + strings.Repeat("b", 30) + "\n", 100, 6, 2},
		{"the first definition counts", uses(4, "r") + "[r]: short\n[r]: " + strings.Repeat("l", 100) + "\n", 100, 0, 0},
		{"in a block quote", "> " + uses(5, "r") + "> [r]: " + strings.Repeat("q", 30) + "\n", 100, 3, 5},
		{"four spaces make code", uses(5, "r") + "    [r]: " + strings.Repeat("c", 30) + "\n", 100, 0, 0},
		{"the address on the next line", uses(5, "r") + "[r]:\n  " + strings.Repeat("a", 30) + "\n", 100, 3, 5},
		{"the title on the next line", uses(5, "r") + "[r]: /x\n  \"" + strings.Repeat("t", 30) + "\"\n", 100, 3, 5},
		{"a label over two lines", strings.Repeat("see [x][a\nb] ", 5) + "\n\n[a\nb]: " + strings.Repeat("z", 30) + "\n", 100, 8, 5},
		{"a definition ends at the next one", uses(5, "r") + "[r]: /x\n[s]: " + strings.Repeat("s", 300) + "\n", 100, 0, 0},
		{"in a block quote, the address on the next line", "> " + uses(5, "r") + "> [r]:\n> " + strings.Repeat("q", 30) + "\n", 100, 3, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRefs([]byte(tt.src), tt.max)
			got, n := 0, 0
			if err != nil {
				got, n = err.Line, err.Uses
			}
			if got != tt.line || n != tt.n {
				t.Errorf("CheckRefs = line %d, %d uses (%v); want line %d, %d uses", got, n, err, tt.line, tt.n)
			}
		})
	}
}

// TestGuard_amplification: the render refuses what the checks refuse, so
// a page that expands to gigabytes is never rendered.
func TestGuard_amplification(t *testing.T) {
	table := "|" + strings.Repeat("h|", 200) + "\n|" + strings.Repeat("-|", 200) + "\n" + strings.Repeat("|a\n", 100)
	refs := strings.Repeat("[x][r] ", 1500) + "\n\n[r]: https://example.com/" + strings.Repeat("a", 1000) + "\n"
	r := New(Options{})
	for name, src := range map[string]string{"table": table, "refs": refs} {
		if _, err := r.Render([]byte(src), nil, nil); err == nil {
			t.Errorf("%s: rendered", name)
		}
		if s := r.Scan([]byte(src)); s.Refs != nil {
			t.Errorf("%s: scanned", name)
		}
	}
}
