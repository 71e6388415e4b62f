package notice

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/report.txtar")

// TestReport_golden: the report of version 1.1 of base, where the clerk
// gained a letter and the conduct policy for everyone changed, in every
// format; go test -update rewrites testdata/report.txtar.
func TestReport_golden(t *testing.T) {
	old := base()
	new := next(func(h *model.Handbook) {
		h.Meta.Title = "Export | Agreement"
		h.Workflows[0].Steps[1].Consulted = []string{"clerk"}
		h.PolicyByID["conduct"].Body = []byte("Be kind to *everyone*.\n")
		h.People = []*model.Person{
			{ID: "ann", Name: "Ann <Clerk>", Roles: []string{"clerk"}},
			{ID: "mo", Name: "Mo", Roles: []string{"manager"}},
			{ID: "zoe", Name: "Zoe\x1b[2J", Roles: []string{"clerk", "manager"}},
		}
		h.Acks = []*model.Ack{{Person: "mo", Version: "1.1", Date: day("2026-07-04")}}
	})
	lists := ReRead(diff.Compare(old, new), new)
	r := &Report{Title: new.Meta.Title, Version: "1.1", Effective: new.Meta.EffectiveDate, AsOf: day("2026-12-06"), RoleName: new.RoleName,
		Entries: Due(Version{Number: "1.1", Effective: new.Meta.EffectiveDate, Lists: lists}, new.People, new.Acks, day("2026-12-06"))}
	var text, color, md, js bytes.Buffer
	for _, err := range []error{r.Text(&text, false), r.Text(&color, true), r.Markdown(&md), r.JSON(&js)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	got := &txtar.Archive{Comment: []byte("The acknowledgements of version 1.1 in every format; go test -update rewrites this file.\n"), Files: []txtar.File{
		{Name: "text", Data: text.Bytes()}, {Name: "text-color", Data: color.Bytes()},
		{Name: "markdown", Data: md.Bytes()}, {Name: "json", Data: js.Bytes()},
	}}
	path := filepath.Join("testdata", "report.txtar")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, txtar.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	for i, f := range got.Files {
		if i >= len(want.Files) || !bytes.Equal(want.Files[i].Data, f.Data) {
			t.Errorf("%s differs (go test -update rewrites it):\n%s", f.Name, f.Data)
		}
	}
	if r.Outstanding() != 2 {
		t.Errorf("%d outstanding, want 2", r.Outstanding())
	}
}
