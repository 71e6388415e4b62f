package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuild_enAgency builds an English handbook that is not the shipped one
// (a software agency's delivery team): it must check clean, build, and have
// no broken link, and its pages must speak English.
func TestBuild_enAgency(t *testing.T) {
	out, res := buildAndCheck(t, "../testdata/handbooks/en-agency")
	h := res.Checked.Handbook
	if h.Meta.Language != "en" || len(h.Roles) != 8 || len(h.Workflows) != 3 || len(h.Policies) != 4 {
		t.Errorf("unexpected handbook: language %q, %d roles, %d workflows, %d policies",
			h.Meta.Language, len(h.Roles), len(h.Workflows), len(h.Policies))
	}
	b, err := os.ReadFile(filepath.Join(out, "pages", "runbooks", "release-checklist.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{`lang="en"`, "../../policies/definition-of-done.html", "../../workflows/sprint-delivery.html#step-release"} {
		if !strings.Contains(page, want) {
			t.Errorf("release-checklist.html lacks %q", want)
		}
	}
	if strings.ContainsAny(page, "岗位职责工作流") {
		t.Errorf("an English handbook's page contains Chinese interface text")
	}
	// Separators, plurals and quote marks come from the language too: no
	// Chinese enumeration comma anywhere in an English site, and a count
	// of one is singular.
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if strings.Contains(string(b), "、") {
			t.Errorf("%s: a Chinese comma in an English site", p)
		}
		if strings.Contains(string(b), ">1 shared steps<") || strings.Contains(string(b), " 1 steps") {
			t.Errorf("%s: a plural for one", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
