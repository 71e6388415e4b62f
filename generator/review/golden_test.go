package review

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/report.txtar")

// golden is a handbook with documents in every status as of 2026-12-06.
func golden() *model.Handbook {
	soon := 30
	h := &model.Handbook{
		Meta: model.Meta{Title: "Export | Agreement", EffectiveDate: date("2026-07-01"),
			Review: model.ReviewOptions{Owner: "manager", Cycle: "annual", DueSoon: &soon}},
		Roles: []*model.Role{
			{ID: "manager", Name: "Manager"},
			{ID: "clerk", Name: "Clerk *", Owner: "clerk", Reviewed: date("2026-06-01"), ReviewCycle: "semi-annual"},
		},
		Workflows: []*model.Workflow{{ID: "order", Name: "Order flow", Owner: "clerk", Reviewed: date("2025-11-20")}},
		Policies: []*model.Policy{
			{ID: "credit", Title: "Credit", Owner: "manager", ReviewCycle: "quarterly", EffectiveDate: date("2026-09-15")},
			{ID: "later", Title: "Later", Owner: "manager", Draft: true},
		},
		Pages: []*model.Page{{Path: "faq", Title: "FAQ", Owner: "ghost"}},
	}
	h.Index()
	return h
}

// TestReport_golden: the text (plain and coloured), Markdown and JSON of
// a report; go test -update rewrites testdata/report.txtar.
func TestReport_golden(t *testing.T) {
	r := NewReport(golden(), date("2026-12-06"))
	var text, color, md, js bytes.Buffer
	for _, err := range []error{r.Text(&text, false), r.Text(&color, true), r.Markdown(&md), r.JSON(&js)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	got := &txtar.Archive{Comment: []byte("NewReport(golden(), 2026-12-06) in every format; go test -update rewrites this file.\n"), Files: []txtar.File{
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
	if r.Overdue() != 2 {
		t.Errorf("%d overdue, want 2", r.Overdue())
	}
}
