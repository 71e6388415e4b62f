package versions

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/gitfs/gittest"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/validate"
	"github.com/accord-handbook/accord/internal/testhb"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"2.0": "2.0", "v1.2-rc_1": "v1.2-rc_1", "2.0 draft": "2.0-draft", "二版": "--",
		"..": "--", ".": "-", "a/b": "a-b", " 3.1 ": "3.1",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompareNumbers(t *testing.T) {
	ordered := []string{"0.9", "1.0", "1.2", "1.10", "2", "2.0", "2.0.1", "10.0"}
	for i := 0; i+1 < len(ordered); i++ {
		a, b := ordered[i], ordered[i+1]
		if CompareNumbers(a, b) >= 0 || CompareNumbers(b, a) <= 0 {
			t.Errorf("want %s < %s", a, b)
		}
	}
	if CompareNumbers("1.01", "1.1") != 0 {
		t.Errorf("1.01 and 1.1 should compare equal")
	}
}

func handbook(version, date, extra string) map[string]string {
	return map[string]string{
		"handbook.toml":    "title = \"T\"\nlanguage = \"en\"\nversion = \"" + version + "\"\neffective_date = " + date + "\n" + extra,
		"teams.toml":       "[[team]]\nid = \"t\"\nname = \"T\"\nkind = \"internal\"\n",
		"roles/a.toml":     "name = \"A\"\nteam = \"t\"\n",
		"workflows/w.toml": "name = \"W\"\nowner = \"a\"\n\n[[step]]\nid = \"s\"\nname = \"S\"\nresponsible = [\"a\"]\naccountable = \"a\"\n",
	}
}

func check(fsys fs.FS, name string) (*model.Handbook, *source.List, *source.List) {
	h, diags := load.Load(fsys, name)
	diags.Add(validate.Check(h))
	return h, diags, &source.List{}
}

func loadCurrent(t *testing.T, dir string) Options {
	t.Helper()
	h, diags, _ := check(os.DirFS(dir), "hb")
	if diags.HasErrors() {
		t.Fatalf("current handbook: %v", diags.Err())
	}
	return Options{Dir: dir, Name: "hb", Meta: h.Meta, Current: h}
}

func numbers(vs []*Version) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Number+"="+v.Label)
	}
	return strings.Join(out, " ")
}

func messages(l *source.List) string {
	var out []string
	for _, d := range l.Items {
		out = append(out, d.String())
	}
	return strings.Join(out, "\n")
}

// TestLoad_gitTags: tags in version order whatever their names, a tag
// from before the handbook existed left out with a warning, the tag of the
// current version left out quietly, the work tree never touched.
func TestLoad_gitTags(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{"README.md": "before the handbook\n"})
	r.Commit("start")
	r.Tag("v0.1")
	vs := "[versions]\ngit_tags = \"v*\"\n"
	for _, v := range []struct{ version, date, tag string }{
		{"1.0", "2025-01-01", "v1.0"}, {"1.10", "2025-06-01", "v1.10"}, {"1.2", "2025-03-01", "v1.2"}, {"2.0", "2026-01-01", "v2.0"},
	} {
		files := map[string]string{}
		for k, text := range handbook(v.version, v.date, vs) {
			files["hb/"+k] = text
		}
		r.Write(files)
		r.Commit(v.version)
		r.Tag(v.tag)
	}
	opts := loadCurrent(t, filepath.Join(r.Dir, "hb"))
	got, diags := Load(opts, check)
	if want := "1.0=v1.0 1.2=v1.2 1.10=v1.10"; numbers(got) != want {
		t.Errorf("versions %q, want %q", numbers(got), want)
	}
	if msg := messages(diags); !strings.Contains(msg, "hb/handbook.toml:6:12: warning: [versions] git_tags: tag v0.1 is left out: v0.1: no folder hb in") || strings.Count(msg, "\n") != 0 {
		t.Errorf("diagnostics:\n%s", msg)
	}
	if got[0].Name != "v1.0:hb" || got[0].Date.String() != "2025-01-01" {
		t.Errorf("first version: name %q, date %s", got[0].Name, got[0].Date)
	}

	// The work tree moves on under the same number: v2.0 is left out, and
	// now that is worth a warning.
	found := Read(opts, check)
	r.Write(map[string]string{"hb/roles/a.toml": "name = \"A, renamed\"\nteam = \"t\"\n"})
	opts = loadCurrent(t, filepath.Join(r.Dir, "hb"))
	got, diags = Load(opts, check)
	if msg := messages(diags); !strings.Contains(msg, "warning: [versions]: v2.0 is left out: it has version 2.0, the number of the current sources, which differ from it") {
		t.Errorf("diagnostics:\n%s", msg)
	}
	// What was read before the edit, arranged against the edited sources,
	// is what loading again gives: a session reads the tags once.
	again, againDiags := found.Arrange(opts)
	if numbers(again) != numbers(got) || messages(againDiags) != messages(diags) {
		t.Errorf("read before the edit, arranged after it: %q\n%s\nwant %q\n%s", numbers(again), messages(againDiags), numbers(got), messages(diags))
	}
}

// TestLoad_folders: problems inside a version are warnings naming it; a
// version without a number is left out; of one number the newer is kept.
func TestLoad_folders(t *testing.T) {
	root := t.TempDir()
	testhb.Write(t, filepath.Join(root, "hb"), handbook("3.0", "2026-01-01", "[versions]\nfolders = [\"../a\", \"../b\", \"../c\", \"../d\"]\n"))
	a := handbook("1.0", "2025-01-01", "")
	a["roles/a.toml"] = "name = \"A\"\nteam = \"x\"\n"
	testhb.Write(t, filepath.Join(root, "a"), a)
	testhb.Write(t, filepath.Join(root, "b"), handbook("1.0", "2025-02-01", ""))
	testhb.Write(t, filepath.Join(root, "c"), handbook("2.0", "2025-06-01", ""))
	nonum := handbook("", "2025-07-01", "")
	testhb.Write(t, filepath.Join(root, "d"), nonum)

	got, diags := Load(loadCurrent(t, filepath.Join(root, "hb")), check)
	if want := "1.0=../b 2.0=../c"; numbers(got) != want {
		t.Errorf("versions %q, want %q", numbers(got), want)
	}
	diags.Sort()
	want := []string{
		`a/roles/a.toml:2:8: warning: version 1.0: team: unknown team "x" (did you mean "t"?)`,
		`d/handbook.toml:3:1: warning: version ../d: version is missing or empty`,
		`hb/handbook.toml:6:12: warning: [versions]: ../a and ../b both have version 1.0: ../a is left out, the newer ../b is published`,
		`hb/handbook.toml:6:36: warning: [versions]: ../d is left out: its handbook.toml has no version`,
	}
	if msg := messages(diags); msg != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", msg, strings.Join(want, "\n"))
	}
	if diags.HasErrors() {
		t.Errorf("an earlier version's problems must not be errors")
	}
}

func TestCheck_errors(t *testing.T) {
	root := t.TempDir()
	testhb.Write(t, filepath.Join(root, "hb"), handbook("1.0", "2026-01-01", "[versions]\ngit_tags = \"v[\"\nfolders = [\"../gone\", \"../file.txt\"]\n"))
	testhb.Write(t, root, map[string]string{"file.txt": "x"})
	opts := loadCurrent(t, filepath.Join(root, "hb"))
	want := []string{
		`hb/handbook.toml:6:12: [versions] git_tags: "v[" is not a valid glob pattern (for example "v*")`,
		`hb/handbook.toml:7:12: [versions] folders: "../gone" does not exist (folders are relative to the handbook folder)`,
		`hb/handbook.toml:7:23: [versions] folders: "../file.txt" is not a folder`,
	}
	diags := Check(opts)
	diags.Sort()
	if msg := messages(diags); msg != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant\n%s", msg, strings.Join(want, "\n"))
	}
	if got, _ := Load(opts, check); got != nil {
		t.Errorf("Load with errors in [versions] loaded %d versions", len(got))
	}

	// git_tags outside any repository.
	testhb.Write(t, filepath.Join(root, "hb"), handbook("1.0", "2026-01-01", "[versions]\ngit_tags = \"v*\"\n"))
	diags = Check(loadCurrent(t, filepath.Join(root, "hb")))
	if msg := messages(diags); !strings.HasPrefix(msg, `hb/handbook.toml:6:12: [versions] git_tags: cannot read tags: `) || !strings.Contains(msg, "not inside a git repository") {
		t.Errorf("Check outside git:\n%s", msg)
	}
}
