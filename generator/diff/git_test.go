package diff

import (
	"bytes"
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
