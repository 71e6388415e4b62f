package diff

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/gitfs"
	"github.com/accord-handbook/accord/generator/gitfs/gittest"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
)

func under(dir string, f files) map[string]string {
	out := map[string]string{}
	for p, text := range f {
		out[dir+"/"+p] = text
	}
	return out
}

// reviewedRepo is a repository with the base handbook in handbook/, tagged
// v1.0, then reviewed (the clerk takes over payment, the rep gains a duty)
// and tagged v2.0, then edited without a commit.
func reviewedRepo(t *testing.T) *gittest.Repo {
	r := gittest.New(t)
	v1 := base()
	v1["roles/extra.txt"] = "not a source" // a warning in v1.0 only
	r.Write(under("handbook", v1))
	r.Write(map[string]string{"README.md": "the repository holds more than the handbook\n"})
	r.Commit("agreement 1.0")
	r.Tag("v1.0")
	v2 := base()
	edit(v2, "handbook.toml", `version = "1.0"`, `version = "2.0"`)
	edit(v2, "workflows/order.toml", "responsible = [\"clerk\"]\naccountable = \"rep\"", "responsible = [\"clerk\"]\naccountable = \"clerk\"")
	edit(v2, "roles/rep.toml", `"Collect payment"]`, `"Collect payment", "Visit key customers"]`)
	r.Remove("handbook/roles/extra.txt")
	r.Write(under("handbook", v2))
	r.Commit("agreement 2.0")
	r.Tag("v2.0")
	r.Write(map[string]string{"handbook/handbook.toml": strings.Replace(v2["handbook.toml"], `"2.0"`, `"3.0-draft"`, 1)})
	return r
}

func TestCompare_gitVersions(t *testing.T) {
	r := reviewedRepo(t)
	open := func(ref string) *model.Handbook {
		fsys, err := gitfs.Open(r.Dir, ref, "handbook")
		if err != nil {
			t.Fatal(err)
		}
		h, _ := load.Load(fsys, ref+":handbook")
		return h
	}
	c := Compare(open("v1.0"), open("v2.0"))
	var out bytes.Buffer
	if err := Text(&out, c, false); err != nil {
		t.Fatal(err)
	}
	want := `What changed: Export Agreement 1.0 (2026-01-01) → 2.0 (2026-01-01)

Handbook
  version: 1.0 → 2.0

Roles
  ~ Sales Rep (rep)
      duties:
        + Visit key customers

RACI cells
  Order (order)
    step Payment (payment)
      Clerk (clerk): R → R/A
      Sales Rep (rep): A → —

Responsibilities gained and lost
  Clerk (clerk)
    + A Order (order) › Payment (payment)
  Sales Rep (rep)
    - A Order (order) › Payment (payment)
`
	if out.String() != want {
		t.Errorf("v1.0 → v2.0:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestLoadSide(t *testing.T) {
	r := reviewedRepo(t)
	hb := filepath.Join(r.Dir, "handbook")
	tests := []struct {
		arg, cwd, version, firstDiag string
	}{
		{"v1.0", hb, "1.0", "v1.0:handbook/roles/extra.txt: warning: ignored"},
		{"v2.0", hb, "2.0", ""},
		{"HEAD", hb, "2.0", ""},
		{".", hb, "3.0-draft", ""},
		{hb, t.TempDir(), "3.0-draft", ""},
		{"handbook", r.Dir, "3.0-draft", ""},
		{"..", filepath.Join(hb, "roles"), "3.0-draft", ""},
	}
	for _, tt := range tests {
		h, name, diags, err := loadSide(tt.arg, tt.cwd)
		if err != nil {
			t.Errorf("loadSide(%q) in %s: %v", tt.arg, tt.cwd, err)
			continue
		}
		if h.Meta.Version != tt.version || name != tt.arg {
			t.Errorf("loadSide(%q) = version %q, name %q; want %q, %q", tt.arg, h.Meta.Version, name, tt.version, tt.arg)
		}
		first := ""
		if len(diags.Items) > 0 {
			first = diags.Items[0].String()
		}
		if !strings.HasPrefix(first, tt.firstDiag) || (tt.firstDiag == "") != (first == "") {
			t.Errorf("loadSide(%q) first diagnostic = %q, want prefix %q", tt.arg, first, tt.firstDiag)
		}
	}
}

func TestLoadSide_contentFolder(t *testing.T) {
	r := gittest.New(t)
	r.Write(under("content", base()))
	r.Commit("start")
	r.Tag("v1.0")
	for _, arg := range []string{"v1.0", "."} {
		h, _, _, err := loadSide(arg, r.Dir)
		if err != nil || h.Meta.Title != "Export Agreement" {
			t.Errorf("loadSide(%q) from the repository top: %v", arg, err)
		}
	}
}

func TestLoadSide_errors(t *testing.T) {
	r := reviewedRepo(t)
	hb := filepath.Join(r.Dir, "handbook")
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ arg, cwd, want string }{
		{"v9.9", hb, "v9.9: no such tag, branch or commit in "},
		{empty, hb, empty + ": nothing could be loaded (1 errors, 0 warnings); first: " + empty + "/handbook.toml: no handbook.toml here"},
		{"v1.0", empty, "v1.0 is neither a folder nor a git ref: "},
	}
	for _, tt := range tests {
		h, _, _, err := loadSide(tt.arg, tt.cwd)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || h != nil {
			t.Errorf("loadSide(%q) error = %v, want prefix %q", tt.arg, err, tt.want)
		}
	}
}

func TestLoadSide_oldVersionWithErrors(t *testing.T) {
	r := gittest.New(t)
	v1 := base()
	v1["roles/rep.toml"] += "colour = \"blue\"\n" // unknown key: an error today
	r.Write(under("handbook", v1))
	r.Commit("old")
	h, _, diags, err := loadSide("HEAD", r.Dir+"/handbook")
	if err != nil || h == nil || !diags.HasErrors() {
		t.Fatalf("an old version with errors must still load: h=%v err=%v diags=%v", h != nil, err, diags.Err())
	}
	if got := diags.Items[0].String(); !strings.HasPrefix(got, "HEAD:handbook/roles/rep.toml:") {
		t.Errorf("diagnostic %q does not name the version", got)
	}
}
