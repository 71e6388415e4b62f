package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/gitfs/gittest"
)

// reviewedRepo holds smallHandbook in handbook/, tagged v1.0 with a stray
// file, then tagged v2.0 with another version number, then edited to
// 3.0-draft without a commit.
func reviewedRepo(t *testing.T) *gittest.Repo {
	r := gittest.New(t)
	v1 := under("handbook", smallHandbook)
	v1["handbook/roles/extra.txt"] = "not a source" // a warning in v1.0 only
	r.Write(v1)
	r.Commit("agreement 1.0")
	r.Tag("v1.0")
	r.Remove("handbook/roles/extra.txt")
	r.Write(map[string]string{"handbook/handbook.toml": strings.Replace(smallHandbook["handbook.toml"], `"1.0"`, `"2.0"`, 1)})
	r.Commit("agreement 2.0")
	r.Tag("v2.0")
	r.Write(map[string]string{"handbook/handbook.toml": strings.Replace(smallHandbook["handbook.toml"], `"1.0"`, `"3.0-draft"`, 1)})
	return r
}

// TestDiff_sides: each side is a folder or a git ref, resolved from cwd;
// the problems of a version are warnings that name it.
func TestDiff_sides(t *testing.T) {
	r := reviewedRepo(t)
	hb := filepath.Join(r.Dir, "handbook")
	tests := []struct {
		arg, cwd, version, firstDiag string
	}{
		{"v1.0", hb, "1.0", "v1.0:handbook/roles/extra.txt: warning: version 1.0: ignored"},
		{"v2.0", hb, "2.0", ""},
		{"HEAD", hb, "2.0", ""},
		{".", hb, "3.0-draft", ""},
		{hb, t.TempDir(), "3.0-draft", ""},
		{"handbook", r.Dir, "3.0-draft", ""},
		{"..", filepath.Join(hb, "roles"), "3.0-draft", ""},
	}
	for _, tt := range tests {
		c, diags, err := generator.Diff(tt.arg, tt.arg, tt.cwd, "")
		if err != nil {
			t.Errorf("Diff(%q) in %s: %v", tt.arg, tt.cwd, err)
			continue
		}
		if c.New.Version != tt.version || c.New.Name != tt.arg || !c.Empty() {
			t.Errorf("Diff(%q) = version %q, name %q, empty %v; want %q, %q", tt.arg, c.New.Version, c.New.Name, c.Empty(), tt.version, tt.arg)
		}
		first := ""
		if len(diags.Items) > 0 {
			first = diags.Items[0].String()
		}
		if !strings.HasPrefix(first, tt.firstDiag) || (tt.firstDiag == "") != (first == "") {
			t.Errorf("Diff(%q) first diagnostic = %q, want prefix %q", tt.arg, first, tt.firstDiag)
		}
	}
}

func TestDiff_contentFolder(t *testing.T) {
	r := gittest.New(t)
	r.Write(under("content", smallHandbook))
	r.Commit("start")
	r.Tag("v1.0")
	for _, arg := range []string{"v1.0", "."} {
		c, _, err := generator.Diff(arg, arg, r.Dir, "")
		if err != nil || c.New.Title != "Small" {
			t.Errorf("Diff(%q) from the repository top: %v", arg, err)
		}
	}
}

func TestDiff_unreadable(t *testing.T) {
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
		c, _, err := generator.Diff(tt.arg, ".", tt.cwd, "")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || c != nil {
			t.Errorf("Diff(%q) error = %v, want prefix %q", tt.arg, err, tt.want)
		}
	}
}

// TestDiff_oldVersionWithErrors: a version that today's checks reject is
// still compared; its errors are warnings naming it.
func TestDiff_oldVersionWithErrors(t *testing.T) {
	r := gittest.New(t)
	v1 := under("handbook", smallHandbook)
	v1["handbook/roles/lead.toml"] += "colour = \"blue\"\n" // unknown key: an error today
	r.Write(v1)
	r.Commit("old")
	c, diags, err := generator.Diff("HEAD", ".", filepath.Join(r.Dir, "handbook"), "")
	if err != nil || c == nil || diags.HasErrors() || len(diags.Items) == 0 {
		t.Fatalf("an old version with errors must still be compared: err=%v diags=%v", err, diags.Items)
	}
	if got := diags.Items[0].String(); !strings.HasPrefix(got, "HEAD:handbook/roles/lead.toml:") || !strings.Contains(got, "warning: version 1.0: ") {
		t.Errorf("diagnostic %q does not name the version", got)
	}
}
