package generator_test

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/gitfs/gittest"
	"github.com/accord-handbook/accord/internal/sitecheck"
)

// desk is a small handbook at version 1.0. Its [versions] names every tag
// v* of the repository holding it.
func desk() map[string]string {
	return map[string]string{
		"handbook.toml": `title = "Desk agreement"
language = "en"
version = "1.0"
effective_date = 2026-01-01

[versions]
git_tags = "v*"
`,
		"teams.toml":       "[[team]]\nid = \"desk\"\nname = \"Desk\"\nkind = \"internal\"\n",
		"roles/lead.toml":  "name = \"Lead\"\nteam = \"desk\"\nsummary = \"Runs the desk.\"\n",
		"roles/agent.toml": "name = \"Agent\"\nteam = \"desk\"\nreports_to = \"lead\"\nduties = [\"Answers calls\"]\n",
		"workflows/handle.toml": `name = "Handle a call"
owner = "lead"

[[step]]
id = "answer"
name = "Answer"
responsible = ["lead"]
accountable = "lead"
informed = ["agent"]
next = ["close"]

[[step]]
id = "close"
name = "Close"
responsible = ["agent"]
accountable = "lead"
`,
		"policies/hours.md": `+++
title = "Opening hours"
owner = "lead"
applies_to = "*"
review_cycle = "annual"
effective_date = 2026-01-01
+++
The desk opens at nine.

Calls are answered within one hour.
`,
		"pages/index.md": "+++\ntitle = \"Welcome\"\n+++\nSee the [hours](../policies/hours.md).\n",
	}
}

func edit(t *testing.T, files map[string]string, name, old, new string) {
	t.Helper()
	if !strings.Contains(files[name], old) {
		t.Fatalf("%s has no %q", name, old)
	}
	files[name] = strings.Replace(files[name], old, new, 1)
}

func under(dir string, files map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		out[dir+"/"+k] = v
	}
	return out
}

// reviewedDesk is a repository with the handbook in handbook/: 1.0 tagged
// v1.0; then reviewed (answering moves from the lead to the agent, a policy
// paragraph is rewritten, an auditor role with its own workflow is added)
// and tagged v2.0; then the work tree edited towards 3.0, not committed.
func reviewedDesk(t *testing.T) (*gittest.Repo, string) {
	r := gittest.New(t)
	f := desk()
	r.Write(under("handbook", f))
	r.Write(map[string]string{"README.md": "not the handbook\n"})
	r.Commit("agreement 1.0")
	r.Tag("v1.0")

	edit(t, f, "handbook.toml", `version = "1.0"`, `version = "2.0"`)
	edit(t, f, "handbook.toml", `effective_date = 2026-01-01`, `effective_date = 2026-07-01`)
	edit(t, f, "workflows/handle.toml", "responsible = [\"lead\"]\naccountable = \"lead\"\ninformed = [\"agent\"]", "responsible = [\"agent\"]\naccountable = \"lead\"")
	edit(t, f, "policies/hours.md", "within one hour", "within two hours")
	f["roles/auditor.toml"] = "name = \"Auditor\"\nteam = \"desk\"\nreports_to = \"lead\"\n"
	f["workflows/audit.toml"] = "name = \"Audit\"\nowner = \"lead\"\n\n[[step]]\nid = \"check\"\nname = \"Check the books\"\nresponsible = [\"auditor\"]\naccountable = \"lead\"\n"
	r.Write(under("handbook", f))
	r.Commit("agreement 2.0")
	r.Tag("v2.0")
	r.Tag("other-tag") // does not match v*

	edit(t, f, "handbook.toml", `version = "2.0"`, `version = "3.0"`)
	edit(t, f, "roles/lead.toml", "Runs the desk.", "Runs the desk and the audit.")
	r.Write(under("handbook", f))
	return r, filepath.Join(r.Dir, "handbook")
}

func build(t *testing.T, dir string) (string, *generator.Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Name: "handbook", Out: out})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, p := range sitecheck.Links(out) {
		t.Errorf("link: %s", p)
	}
	return out, res
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestVersions_gitTags(t *testing.T) {
	r, dir := reviewedDesk(t)
	statusBefore := r.Git("status", "--porcelain")
	out, res := build(t, dir)
	if got := r.Git("status", "--porcelain"); got != statusBefore {
		t.Errorf("the build changed the work tree or index:\n%s\nwas\n%s", got, statusBefore)
	}
	for _, d := range res.Checked.Diags.Items {
		t.Errorf("unexpected diagnostic: %s", d)
	}

	// Every version complete under its folder, the work tree at the root.
	for _, p := range []string{
		"index.html", "roles/auditor.html", "versions.html", "changes/2.0.html", "changes/3.0.html",
		"v/1.0/index.html", "v/1.0/roles/agent.html", "v/1.0/workflows/handle.html", "v/1.0/policies/hours.html",
		"v/1.0/pages/index.html", "v/1.0/raci.html", "v/1.0/model.json", "v/1.0/_accord/style.css", "v/1.0/_accord/search-index.js",
		"v/2.0/index.html", "v/2.0/roles/auditor.html", "v/2.0/workflows/audit.html", "v/2.0/print/handbook.html",
	} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing: %s", p)
		}
	}
	for _, p := range []string{"v/1.0/roles/auditor.html", "v/3.0", "v/other-tag", "changes/1.0.html", "v/1.0/versions.html", "v/1.0/changes"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("should not exist: %s", p)
		}
	}
	if home := read(t, out, "index.html"); !strings.Contains(home, "Version 3.0") {
		t.Errorf("the root is not the work tree (3.0)")
	}
	if home := read(t, out, "v/1.0/index.html"); !strings.Contains(home, "Version 1.0") {
		t.Errorf("v/1.0 is not version 1.0")
	}

	// The banner is on every page of old versions and on no current page.
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" {
			return nil // served at any path: no switcher, no relative link
		}
		b, _ := os.ReadFile(p)
		old := strings.HasPrefix(rel, "v/")
		if has := bytes.Contains(b, []byte(`class="old-version"`)); has != old {
			t.Errorf("%s: banner %v, want %v", rel, has, old)
		}
		checkSwitcher(t, out, rel, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	agent1 := read(t, out, "v/1.0/roles/agent.html")
	wantIn(t, "v/1.0/roles/agent.html", agent1,
		`You are reading version 1.0; the current version is 3.0. <a href="../../../roles/agent.html">`,
		`<a href="../../../roles/agent.html">3.0</a>`,
		`<a href="../../2.0/roles/agent.html">2.0</a>`,
		`<a href="agent.html" aria-current="page">1.0</a>`,
		`<a href="../../../versions.html">All versions</a>`)
	// A page the other version lacks: the switcher lands on its home.
	wantIn(t, "roles/auditor.html", read(t, out, "roles/auditor.html"),
		`<a href="../v/1.0/index.html">1.0</a>`, `<a href="../v/2.0/roles/auditor.html">2.0</a>`)

	// The changes page of 2.0 lists exactly the moved RACI cells.
	ch := read(t, out, "changes/2.0.html")
	rows := regexp.MustCompile(`<tr><th scope="row">[^\n]*</tr>`).FindAllString(ch, -1)
	want := []string{
		`<tr><th scope="row">Answer</th><td>Agent</td><td class="raci-i"><del>I</del></td><td class="raci-r"><ins>R</ins></td></tr>`,
		`<tr><th scope="row">Answer</th><td>Lead</td><td class="raci-ra"><del>R/A</del></td><td class="raci-a"><ins>A</ins></td></tr>`,
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("RACI rows of changes/2.0.html:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	wantIn(t, "changes/2.0.html", ch,
		`<section id="workflow-handle"`, `<section id="role-agent"`, `<section id="role-auditor"`, `<section id="policy-hours"`,
		`Calls are answered within <del>one hour</del><ins>two hours</ins>.`,
		`<a href="../v/2.0/roles/auditor.html">Auditor</a>`,
		`<a href="../v/1.0/index.html">Version 1.0</a>`)
	if strings.Contains(ch, "workflow-audit\"") && !strings.Contains(ch, `<section id="workflow-audit"`) {
		t.Errorf("added workflow without its section")
	}
	wantIn(t, "changes/3.0.html", read(t, out, "changes/3.0.html"), `<section id="role-lead"`, "<del>Runs the desk.</del> → <ins>Runs the desk and the audit.</ins>")

	// Pages that changed say so and link to their section; others do not.
	wantIn(t, "v/2.0/workflows/handle.html", read(t, out, "v/2.0/workflows/handle.html"),
		`<p class="changed-note">Changed in version 2.0. <a href="../../../changes/2.0.html#workflow-handle">`)
	wantIn(t, "v/2.0/policies/hours.html", read(t, out, "v/2.0/policies/hours.html"),
		`<a href="../../../changes/2.0.html#policy-hours">`)
	if b := read(t, out, "workflows/handle.html"); strings.Contains(b, "changed-note") {
		t.Errorf("workflows/handle.html did not change in 3.0 but says so")
	}
	if b := read(t, out, "v/1.0/roles/lead.html"); strings.Contains(b, "changed-note") || strings.Contains(b, `id="history"`) {
		t.Errorf("the first version has no changes to show")
	}

	// A role's history across versions, newest first.
	lead := read(t, out, "roles/lead.html")
	wantIn(t, "roles/lead.html", lead, `<h2 id="history">`,
		`<a href="../changes/3.0.html#role-lead">Version 3.0</a>`,
		`<a href="../changes/2.0.html#role-lead">Version 2.0</a>`,
		`<del>R</del> lost — Handle a call › Answer`)
	if strings.Index(lead, "Version 3.0</a>") > strings.Index(lead, "Version 2.0</a>") {
		t.Errorf("role history is not newest first")
	}
	wantIn(t, "roles/agent.html", read(t, out, "roles/agent.html"), `<ins>R</ins> gained — Handle a call › Answer`)

	// The home page links to what changed; the versions page lists all.
	wantIn(t, "index.html", read(t, out, "index.html"), `<a href="changes/3.0.html">What changed in version 3.0</a>`)
	wantIn(t, "v/2.0/index.html", read(t, out, "v/2.0/index.html"), `<a href="../../changes/2.0.html">What changed in version 2.0</a>`)
	wantIn(t, "versions.html", read(t, out, "versions.html"),
		`<a href="index.html">3.0</a>`, `<a href="v/2.0/index.html">2.0</a>`, `<a href="v/1.0/index.html">1.0</a>`,
		"<td>2026-07-01</td>", `<a href="changes/2.0.html">`)
}

var (
	menuRE = regexp.MustCompile(`(?s)<details class="version-menu">.*?</details>`)
	hrefRE = regexp.MustCompile(`<li><a href="([^"]*)"[^>]*>([^<]*)</a>`)
)

// checkSwitcher checks the version switcher of the page rel: one entry per
// version, each landing on the same page in that version when the version
// has it, else on that version's home page.
func checkSwitcher(t *testing.T, out, rel, html string) {
	t.Helper()
	menu := menuRE.FindString(html)
	if menu == "" {
		t.Errorf("%s: no version switcher", rel)
		return
	}
	prefix := map[string]string{"3.0": "", "2.0": "v/2.0/", "1.0": "v/1.0/"}
	inVersion := strings.TrimPrefix(strings.TrimPrefix(rel, "v/1.0/"), "v/2.0/")
	links := hrefRE.FindAllStringSubmatch(menu, -1)
	if len(links) != 3 {
		t.Errorf("%s: %d versions in the switcher, want 3", rel, len(links))
	}
	for _, l := range links {
		got := path.Join(path.Dir(rel), l[1])
		want := prefix[l[2]] + inVersion
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(want))); err != nil {
			want = prefix[l[2]] + "index.html"
		}
		if got != want {
			t.Errorf("%s: switcher entry %s leads to %s, want %s", rel, l[2], got, want)
		}
	}
}

func wantIn(t *testing.T, name, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s: no %q", name, w)
		}
	}
}

// TestVersions_deterministic: the same sources and history give the same
// site, byte for byte.
func TestVersions_deterministic(t *testing.T) {
	_, dir := reviewedDesk(t)
	compile := func() map[string][]byte {
		files, _, err := generator.Compile(context.Background(), generator.Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][]byte{}
		for _, f := range files {
			m[f.Path] = f.Data
		}
		return m
	}
	a, b := compile(), compile()
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}
