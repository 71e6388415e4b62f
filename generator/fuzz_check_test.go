package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/accord-handbook/accord/generator"
)

// FuzzCheck runs every check (load, validate, links, Markdown depth and
// references) on a handbook whose handbook.toml, a role, a workflow, a
// policy and the glossary come from the fuzzer, next to fixed teams, a
// second role and a page: no panic, bounded time, and every diagnostic in a
// file of the handbook, at a line and column inside it.
func FuzzCheck(f *testing.F) {
	const (
		meta     = "title = \"T\"\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-01\n"
		role     = "name = \"Agent\"\nteam = \"ops\"\nreports_to = \"lead\"\n[[kpi]]\nname = \"K\"\nweight = 100\n"
		workflow = "name = \"W\"\nowner = \"lead\"\n[[step]]\nid = \"a\"\nname = \"A\"\nresponsible = [\"agent\"]\naccountable = \"lead\"\nnext = [\"b\"]\n[[step]]\nid = \"b\"\nname = \"B\"\nresponsible = [\"lead\"]\naccountable = \"lead\"\nnext = [\"a\", \"c\"]\n"
		policy   = "+++\ntitle = \"P\"\nowner = \"lead\"\napplies_to = [\"agent\"]\nreview_cycle = \"annual\"\neffective_date = 2026-01-01\n+++\n\nSee [the page](../pages/index.md#x), ![i](../assets/a.png) and [role](../roles/agent.toml).\n"
		glossary = "[[term]]\nterm = \"FOB\"\ndefinition = \"Free on board.\"\naliases = [\"F.O.B.\"]\n"
	)
	f.Add(meta, role, workflow, policy, glossary)
	f.Add(meta+"[versions]\nfolders = [\"../x\"]\n[raci]\nmax_responsible = -1\n[labels]\nnope = \"x\"\n", "name = \"\"\nteam = \"nope\"\nreports_to = \"agent\"\nonboarding = [\"policies/p\", \"x/y\", \"\"]\n",
		"[[step]]\nid = \"A B\"\naccountable = [\"lead\"]\nduration = \"-3x\"\nnext = [\"zz\"]\n", "+++\napplies_to = \"everyone\"\n+++\n> - > - [x](/etc/passwd)\n", "[[term]]\nterm = \"\"\n[[term]]\nterm = \"FOB\"\naliases = [\"fob\", \"\"]\n")
	addCheckCaseFiles(f)
	f.Fuzz(func(t *testing.T, meta, role, workflow, policy, glossary string) {
		files := map[string]string{
			"handbook.toml": meta, "roles/agent.toml": role, "workflows/w.toml": workflow,
			"policies/p.md": policy, "glossary.toml": glossary,
			"teams.toml":      "[[team]]\nid = \"ops\"\nname = \"Ops\"\nkind = \"internal\"\n",
			"roles/lead.toml": "name = \"Lead\"\nteam = \"ops\"\n",
			"pages/index.md":  "+++\ntitle = \"Welcome\"\n+++\n\n# X\n\nHello [policy](../policies/p.md).\n",
			"assets/a.png":    "\x89PNG",
		}
		fsys := fstest.MapFS{}
		for name, text := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		start := time.Now()
		c := generator.Check(generator.Options{FS: fsys, Name: "hb", NoGraphs: true})
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("check took %s", d)
		}
		for _, d := range c.Diags.Items {
			name, ok := strings.CutPrefix(d.Pos.File, "hb/")
			text, isFile := files[name]
			if !ok || !isFile && !folderOf(name, files) {
				t.Fatalf("%q: not a file of the handbook", d)
			}
			if d.Pos.Line == 0 {
				continue
			}
			lines := strings.Split(text, "\n")
			if !isFile || d.Pos.Line > len(lines) {
				t.Fatalf("%q: line outside 1..%d", d, len(lines))
			}
			if n := utf8.RuneCountInString(lines[d.Pos.Line-1]); d.Pos.Col < 1 || d.Pos.Col > n+1 {
				t.Fatalf("%q: column outside 1..%d", d, n+1)
			}
		}
	})
}

func folderOf(name string, files map[string]string) bool {
	for f := range files {
		if strings.HasPrefix(f, name+"/") {
			return true
		}
	}
	return false
}

// addCheckCaseFiles seeds with the files of every case of testdata/check.
func addCheckCaseFiles(f *testing.F) {
	dirs, _ := filepath.Glob("../testdata/check/*")
	for _, dir := range dirs {
		read := func(p string) string {
			b, _ := os.ReadFile(filepath.Join(dir, p))
			return string(b)
		}
		f.Add(read("handbook.toml"), read("roles/agent.toml"), read("workflows/handle.toml"), read("pages/index.md"), read("glossary.toml"))
	}
}
