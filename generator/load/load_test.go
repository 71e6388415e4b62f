package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

func loadMap(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	_, diags := Load(fsys, "hb")
	var lines []string
	for _, d := range diags.Items {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

const okMeta = "title = \"T\"\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-02\n"

func TestLoad_diagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"clean", map[string]string{"handbook.toml": okMeta}, ""},
		{"no handbook.toml", map[string]string{}, "hb/handbook.toml: no handbook.toml here: is this a handbook folder? (`accord init DIR` starts one)"},
		{"unknown key with suggestion", map[string]string{"handbook.toml": okMeta + "titel = \"x\"\n"},
			`hb/handbook.toml:5:1: unknown key "titel" (did you mean "title"?)`},
		{"unknown key in array of tables, every occurrence",
			map[string]string{"handbook.toml": okMeta, "workflows/w.toml": "name = \"W\"\n[[step]]\nid = \"a\"\n  respnsible = [\"x\"]\n[[step]]\nid = \"b\"\nrespnsible = []\n"},
			"hb/workflows/w.toml:4:3: unknown key \"step.respnsible\" (did you mean \"responsible\"?)\nhb/workflows/w.toml:7:1: unknown key \"step.respnsible\" (did you mean \"responsible\"?)"},
		{"syntax error column in characters",
			map[string]string{"handbook.toml": "title = \"外贸部\" x\n"},
			"hb/handbook.toml:1:15: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"},
		{"wrong type", map[string]string{"handbook.toml": okMeta, "roles/a.toml": "name = \"A\"\nduties = \"one\"\n"},
			"hb/roles/a.toml:2:1: duties: expected an array, found a string"},
		{"quoted date", map[string]string{"handbook.toml": "title = \"T\"\neffective_date = \"2026-01-02\"\n"},
			"hb/handbook.toml:2:18: effective_date: a date is written without quotes, like 2026-01-02"},
		{"bad file name", map[string]string{"handbook.toml": okMeta, "roles/Sales_Rep.toml": "name = \"x\"\n"},
			`hb/roles/Sales_Rep.toml:1:1: file name "Sales_Rep" is not a valid id: use lower-case a-z, 0-9 and '-' (for example "sales-rep")`},
		{"policy without front matter", map[string]string{"handbook.toml": okMeta, "policies/p.md": "# hi\n"},
			"hb/policies/p.md:1:1: no front matter: start the file with a line `+++`, then title, owner, applies_to, review_cycle, effective_date as TOML, then a closing `+++`"},
		{"front matter never closed", map[string]string{"handbook.toml": okMeta, "pages/p.md": "+++\ntitle = \"x\"\n"},
			"hb/pages/p.md:1:1: front matter opened with `+++` is never closed: add a line `+++` after its last key"},
		{"front matter unknown key at its line", map[string]string{"handbook.toml": okMeta, "pages/p.md": "+++\ntitle = \"x\"\nauthor = \"me\"\n+++\nbody\n"},
			`hb/pages/p.md:3:1: unknown key "author" (known keys here: title, weight, summary, owner, approver, reviewed, review_cycle, draft, aliases)`},
		{"invalid utf-8", map[string]string{"handbook.toml": okMeta, "pages/p.md": "+++\ntitle = \"x\"\n+++\nab\xff\n"},
			"hb/pages/p.md:4:3: invalid UTF-8: save the file as UTF-8"},
		{"md without toml", map[string]string{"handbook.toml": okMeta, "roles/ghost.md": "text\n"},
			"hb/roles/ghost.md:1:1: roles/ghost.md has no roles/ghost.toml: a role's description needs the role's TOML file beside it"},
		{"bom and crlf", map[string]string{"handbook.toml": "\xef\xbb\xbftitle = \"T\"\r\nversion = \"1\"\r\n"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadMap(t, tt.files); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestSplitFrontMatter_keepsLines(t *testing.T) {
	text := "+++\ntitle = \"x\"\n+++\nline4\n"
	fm, body, line, found, closed := splitFrontMatter([]byte(text))
	if !found || !closed {
		t.Fatal("front matter not found")
	}
	if string(body) != "line4\n" || line != 3 {
		t.Errorf("body = %q after %d lines, want %q after 3", body, line, "line4\n")
	}
	if string(fm) != "   \ntitle = \"x\"\n" {
		t.Errorf("fm = %q", fm)
	}
}
