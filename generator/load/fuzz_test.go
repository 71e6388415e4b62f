package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/accord-handbook/accord/generator/source"
)

// FuzzSplitFrontMatter: any text splits without panicking, and the parts
// keep the offsets and lines of the whole file, which is what lets every
// error in a page be reported at its true line.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"x\"\n+++\nbody\n", "+++\r\ntitle = \"x\"\r\n+++\r\nbody", "+++", "+++\n+++", "+++ \n+++\t\n",
		"+++\ntitle = \"x\"\n", "no front matter\n", "", "\n+++\n+++\n", "+++\na = \"+++\"\n+++\n+++\n", "+++\n+++x\n+++",
		"+++\n中文 = \"标题\"\n+++\n正文\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		fm, body, line, found, closed := splitFrontMatter(text)
		switch {
		case !found:
			if closed || fm != nil || !bytes.Equal(body, text) {
				t.Fatalf("no front matter, yet fm=%q body=%q closed=%v", fm, body, closed)
			}
			return
		case !closed:
			if fm != nil || body != nil {
				t.Fatalf("unclosed front matter, yet fm=%q body=%q", fm, body)
			}
			return
		}
		if len(fm) > len(text) {
			t.Fatalf("front matter %d bytes, longer than the text's %d", len(fm), len(text))
		}
		first := bytes.IndexByte(text, '\n')
		if first < 0 || len(fm) < first {
			t.Fatalf("front matter %q does not cover the opening line of %q", fm, text)
		}
		for i := range fm {
			if i < first && fm[i] != ' ' || i >= first && fm[i] != text[i] {
				t.Fatalf("front matter byte %d is %q, text has %q: offsets moved", i, fm[i], text[i])
			}
		}
		if !bytes.HasSuffix(text, body) {
			t.Fatalf("body %q is not the end of the text %q", body, text)
		}
		if got := bytes.Count(text[:len(text)-len(body)], []byte("\n")); got != line {
			t.Fatalf("body said to start after %d lines, it starts after %d: line numbers would be wrong", line, got)
		}
		for _, line := range bytes.Split(fm[first:], []byte("\n")) {
			if string(bytes.TrimRight(line, " \t\r")) == "+++" {
				t.Fatalf("front matter %q holds a closing fence", fm)
			}
		}
	})
}

// FuzzLoad: whatever the text of handbook.toml, a role, a workflow, a
// policy and a page, Load returns without panicking, quickly, and every
// diagnostic names a file of the handbook and, when it has a line, a line
// and column inside that file.
func FuzzLoad(f *testing.F) {
	f.Add(okMeta, okRole, "name = \"W\"\nowner = \"a\"\n[[step]]\nid = \"s\"\nresponsible = [\"a\"]\naccountable = \"a\"\nnext = [\"s\"]\nduration = \"2h\"\n",
		"+++\ntitle = \"P\"\nowner = \"a\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\neffective_date = 2026-01-01\n+++\n# P\n",
		"+++\ntitle = \"Page\"\nweight = 1\n+++\n[x](../policies/p.md)\n")
	f.Add("\xef\xbb\xbftitle = \"T\"\r\nversion = \"1\"\r\n", "name = \"中文\"\nteam = 1\n[[kpi]]\nname = \"x\"\nweight = \"50\"\n", "[[step]]\n[[step]]\nid = \"\xff\"\n",
		"+++\napplies_to = [\"a\", 1]\n+++\n", "+++\ntitle = \"x\"\n")
	f.Add("title = \"T\"\n[raci]\ntitle = \"x\"\n[labels]\nroles = 1\n", "duties = [[[]]]\n", "x = {a = {b = 1}}\n", "+++\n+++\n", "+++\n+++\n")
	addCheckCases(f)
	f.Fuzz(func(t *testing.T, meta, role, workflow, policy, page string) {
		files := map[string]string{
			"handbook.toml": meta, "roles/a.toml": role, "workflows/w.toml": workflow,
			"policies/p.md": policy, "pages/index.md": page,
			"teams.toml": "[[team]]\nid = \"t\"\nname = \"T\"\nkind = \"internal\"\n",
		}
		fsys := fstest.MapFS{}
		for name, text := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		start := time.Now()
		_, diags := Load(fsys, "hb")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Load took %s", d)
		}
		checkPositions(t, "hb/", files, diags)
	})
}

// addCheckCases seeds a fuzz target with the files of every case of
// testdata/check: one broken handbook per rule.
func addCheckCases(f *testing.F) {
	dirs, _ := filepath.Glob("../../testdata/check/*")
	for _, dir := range dirs {
		read := func(p string) string {
			b, _ := os.ReadFile(filepath.Join(dir, p))
			return string(b)
		}
		f.Add(read("handbook.toml"), read("roles/agent.toml"), read("workflows/handle.toml"), read("policies/p.md"), read("pages/index.md"))
	}
}

// checkPositions fails when a diagnostic's position is not in one of files
// (named with prefix) or one of their folders, or lies past its end.
func checkPositions(t *testing.T, prefix string, files map[string]string, diags *source.List) {
	t.Helper()
	for _, d := range diags.Items {
		name, ok := strings.CutPrefix(d.Pos.File, prefix)
		text, isFile := files[name]
		if !ok || !isFile && !isFolder(name, files) {
			t.Fatalf("%q: not a file of the handbook", d)
		}
		if d.Pos.Line == 0 {
			if d.Pos.Col != 0 {
				t.Fatalf("%q: a column without a line", d)
			}
			continue
		}
		if !isFile {
			t.Fatalf("%q: a line in a folder", d)
		}
		lines := strings.Split(text, "\n")
		if d.Pos.Line < 1 || d.Pos.Line > len(lines) {
			t.Fatalf("%q: line outside 1..%d", d, len(lines))
		}
		if n := utf8.RuneCountInString(lines[d.Pos.Line-1]); d.Pos.Col < 1 || d.Pos.Col > n+1 {
			t.Fatalf("%q: column outside 1..%d", d, n+1)
		}
	}
}

func isFolder(name string, files map[string]string) bool {
	for f := range files {
		if strings.HasPrefix(f, name+"/") {
			return true
		}
	}
	return false
}
