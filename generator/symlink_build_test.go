package generator_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/internal/testhb"
)

// smallHandbook is a handbook that checks clean.
var smallHandbook = map[string]string{
	"handbook.toml":      "title = \"Small\"\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-01\n",
	"teams.toml":         "[[team]]\nid = \"ops\"\nname = \"Operations\"\nkind = \"internal\"\n",
	"roles/lead.toml":    "name = \"Lead\"\nteam = \"ops\"\n",
	"roles/agent.toml":   "name = \"Agent\"\nteam = \"ops\"\nreports_to = \"lead\"\n",
	"workflows/do.toml":  "name = \"Do\"\nowner = \"lead\"\n\n[[step]]\nid = \"do\"\nname = \"Do it\"\nresponsible = [\"agent\"]\naccountable = \"lead\"\n",
	"pages/index.md":     "+++\ntitle = \"Welcome\"\n+++\n\nHello.\n",
	"assets/note.txt":    "a note\n",
	"theme/extra.css":    "body{}\n",
	"templates/.keep":    "",
	"policies/rules.md":  "+++\ntitle = \"Rules\"\nowner = \"lead\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\neffective_date = 2026-01-01\n+++\n\nBe kind.\n",
	"roles/agent.md":     "The agent.\n",
	"glossary.toml":      "[[term]]\nterm = \"FOB\"\ndefinition = \"Free on board.\"\n",
	"pages/guide/one.md": "+++\ntitle = \"One\"\n+++\n\nOne.\n",
}

// TestBuild_symlinksOut: a symbolic link anywhere in the handbook that
// leads outside it (to a secret file or folder) stops the build with a
// message naming the link, nothing outside is read or copied, and the
// output folder is not touched.
func TestBuild_symlinksOut(t *testing.T) {
	const secret = "SECRET-FROM-OUTSIDE"
	tests := []struct {
		link, target, want string
	}{
		{"roles/spy.toml", "secret.toml", "hb/roles/spy.toml: symbolic links are not followed: copy the file into the handbook"},
		{"handbook.toml", "secret.toml", "hb/handbook.toml: symbolic links are not followed: copy the file into the handbook"},
		{"workflows", "dir", "hb/workflows: symbolic links are not followed: copy the folder into the handbook"},
		{"policies/spy.md", "secret.md", "hb/policies/spy.md: symbolic links are not followed: copy the file into the handbook"},
		{"pages/spy.md", "secret.md", "hb/pages/spy.md: symbolic links are not followed: copy the file into the handbook"},
		{"pages/guide", "dir", "hb/pages/guide: symbolic links are not followed: copy the file into the handbook"},
		{"assets/passwd", "/etc/passwd", "hb/assets/passwd: symbolic links are not followed: copy the file into assets/"},
		{"assets", "dir", "hb/assets: symbolic links are not followed: copy the folder into the handbook"},
		{"theme/leak.css", "secret.css", "hb/theme/leak.css: symbolic links are not followed: copy the file into the handbook"},
		{"theme", "dir", "hb/theme: symbolic links are not followed: copy the folder into the handbook"},
		{"templates/page.html", "secret.md", "hb/templates/page.html: symbolic links are not followed: copy the file into the handbook"},
		{"templates", "dir", "hb/templates: symbolic links are not followed: copy the folder into the handbook"},
		{"roles/agent.md", "secret.md", "hb/roles/agent.md: symbolic links are not followed: copy the file into the handbook"},
		{"glossary.toml", "secret.toml", "hb/glossary.toml: symbolic links are not followed: copy the file into the handbook"},
	}
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			root := t.TempDir()
			outside := filepath.Join(root, "outside")
			testhb.Write(t, outside, map[string]string{
				"secret.toml": "title = \"" + secret + "\"\nname = \"" + secret + "\"\n",
				"secret.md":   "+++\ntitle = \"" + secret + "\"\n+++\n" + secret + "\n",
				"secret.css":  "/* " + secret + " */\n",
				"dir/x.toml":  "name = \"" + secret + "\"\n",
				"dir/x.md":    "+++\ntitle = \"" + secret + "\"\n+++\n",
				"dir/x.css":   "/* " + secret + " */\n",
				"dir/x.txt":   secret,
			})
			dir := filepath.Join(root, "hb")
			testhb.Write(t, dir, smallHandbook)
			link := filepath.Join(dir, filepath.FromSlash(tt.link))
			if err := os.RemoveAll(link); err != nil {
				t.Fatal(err)
			}
			target := tt.target
			if !filepath.IsAbs(target) {
				target = filepath.Join(outside, target)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Skipf("no symbolic links: %v", err)
			}
			out := filepath.Join(root, "public")
			res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Name: "hb", Out: out})
			var le *source.ListError
			if !errors.As(err, &le) {
				t.Fatalf("build: %v, want the handbook's errors", err)
			}
			var got []string
			for _, d := range res.Checked.Diags.Items {
				if d.Severity == source.Error {
					got = append(got, d.String())
				}
				if strings.Contains(d.Msg, secret) {
					t.Errorf("a message shows what lies outside: %s", d)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the output folder was written: %v", err)
			}
		})
	}
}

// TestBuild_symlinkedHandbookFolder: the handbook folder itself may be a
// link (content -> /srv/handbook): only links inside it are refused.
func TestBuild_symlinkedHandbookFolder(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	testhb.Write(t, real, smallHandbook)
	dir := filepath.Join(root, "content")
	if err := os.Symlink(real, dir); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	out := filepath.Join(root, "public")
	if _, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "assets/note.txt", "_accord/extra.css", "pages/guide/one.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing: %v", err)
		}
	}
}
