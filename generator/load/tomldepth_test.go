package load

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestTOMLDepth(t *testing.T) {
	tests := []struct {
		text string
		max  int
		off  int // -1: accepted
	}{
		{`a = [[1], [2]]`, 2, -1},
		{`a = [[[1]]]`, 2, 6},
		{`a = {b = {c = 1}}`, 2, -1},
		{`a = {b = {c = {d = 1}}}`, 2, 14},
		{`a.b.c = 1`, 2, -1},
		{`a.b.c.d = 1`, 2, 5},
		{"[a.b]\nc.d = 1", 2, 7},
		{"[a.b]\nc = [1]", 2, 10},
		{"[[a.b]]\nc = 1", 2, -1},
		{"[[a.b.c]]\nc = 1", 2, 5},
		{`a = {b.c = [1]}`, 2, 11},
		// Closing brackets give the depth back.
		{`a = [[1], [2], [3], {b = 1}, {c = [1]}]`, 3, -1},
		{"a = [\n  [1],\n  [2],\n]\nb = [[1]]", 2, -1},
		// Strings, quoted keys and comments hide brackets and dots.
		{`a = "[[[[{{{{...."`, 1, -1},
		{`a = '[[[[{{{{....'`, 1, -1},
		{"a = \"\"\"\n[[[[\n\"\"\"", 1, -1},
		{"a = '''\n[[[[\n'''", 1, -1},
		{`a = "\"[[[["`, 1, -1},
		{`"a.b.c.d" = 1`, 1, -1},
		{"a = 1 # [[[[....\nb = 1", 1, -1},
		{`a = """x""""" b = [[[1]]]`, 2, 20},
		{`a = 'x\' b = [[[1]]]`, 2, 15},
		// Commas end a value's dots: a long line of floats is not deep.
		{`a = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]`, 2, -1},
		// Unbalanced input is the decoder's to report.
		{`a = ]]]]] [[`, 2, -1},
		{"[a.b.c\nd = 1", 2, 4},
		{`a = "unclosed [[[[`, 1, -1},
	}
	for _, tt := range tests {
		off, ok := tomlDepth([]byte(tt.text), tt.max)
		want := tt.off < 0
		if ok != want || (!ok && off != tt.off) {
			t.Errorf("tomlDepth(%q, %d) = %d, %v; want %d", tt.text, tt.max, off, ok, tt.off)
		}
	}
}

// TestLoad_deepTOML: nesting that used to take the decoder gigabytes is
// refused at its line and column, in bounded time and memory.
func TestLoad_deepTOML(t *testing.T) {
	const n = 100_000
	dotted := strings.TrimSuffix(strings.Repeat("a.", n), ".")
	tests := []struct{ name, text, want string }{
		{"nested inline tables", "x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n", "5:305"},
		{"nested arrays", "duties = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n", "5:110"},
		{"dotted key", dotted + " = 1\n", "5:202"},
		{"table header", "[" + dotted + "]\nx = 1\n", "5:201"},
		{"array of tables", "[[" + dotted + "]]\nx = 1\n", "5:202"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			got := diagText(mapFS(map[string]string{"handbook.toml": okMeta + tt.text}))
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			want := "hb/handbook.toml:" + tt.want + ": TOML nested more than 100 levels deep (arrays, inline tables or parts of dotted keys): flatten it"
			if got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			t.Logf("%d bytes refused in %s, %d KB allocated", len(tt.text), took, (after.TotalAlloc-before.TotalAlloc)>>10)
			if took > 2*time.Second || after.TotalAlloc-before.TotalAlloc > 64<<20 {
				t.Errorf("took %s and %d MB", took, (after.TotalAlloc-before.TotalAlloc)>>20)
			}
		})
	}
}

// TestLoad_deepTOMLInFrontMatter: the same guard holds for a page's front
// matter, with the line of the page.
func TestLoad_deepTOMLInFrontMatter(t *testing.T) {
	text := "+++\ntitle = \"x\"\nextra = " + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "\n+++\nbody\n"
	got := diagText(mapFS(map[string]string{"handbook.toml": okMeta, "pages/p.md": text}))
	want := "hb/pages/p.md:3:109: TOML nested more than 100 levels deep (arrays, inline tables or parts of dotted keys): flatten it"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
