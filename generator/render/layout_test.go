package render_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/render"
)

// TestLayout_sameAsTemplates renders handbooks with the layout written in
// Go (layout.go) and through base.html, and requires the same bytes in
// every file: the shipped handbook, the test handbooks, and one whose
// titles, labels and names hold everything html/template escapes.
func TestLayout_sameAsTemplates(t *testing.T) {
	nasty := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(nasty, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const odd = `"<b>\"A&B\" + 'c'</b> 外贸"` // a TOML string
	write("handbook.toml", "title = "+odd+"\nlanguage = \"en\"\nversion = \"1 <2>\"\n[labels]\nbreadcrumbs = "+odd+"\nreadingOrder = \"a\\\"b\"\nprevious = '<prev>'\nnextPage = '&next'\n")
	write("teams.toml", "[[team]]\nid = \"ops\"\nname = "+odd+"\nkind = \"internal\"\n")
	write("roles/clerk.toml", "name = "+odd+"\nteam = \"ops\"\nsummary = \"x\"\n")
	write("workflows/w.toml", "name = "+odd+"\nowner = \"clerk\"\ntrigger = \"t\"\nsummary = \"s\"\n[[step]]\nid = \"s\"\nname = "+odd+"\nresponsible = [\"clerk\"]\naccountable = \"clerk\"\n")
	write("pages/index.md", "+++\ntitle = "+odd+"\n+++\n\nHello <there> & [a page](a/b.md).\n")
	write("pages/a/b.md", "+++\ntitle = \"B & 'b'\"\nweight = 1\n+++\n\n# Own heading <x>\n\nText.\n")
	write("pages/a/c.md", "+++\ntitle = \"javascript:alert(1)\"\nweight = 2\n+++\n\nText.\n")

	for _, dir := range []string{
		filepath.Join("..", "..", "content"),
		filepath.Join("..", "..", "testdata", "golden", "small"),
		filepath.Join("..", "..", "testdata", "handbooks", "en-agency"),
		nasty,
	} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			compile := func() map[string][]byte {
				files, c, err := generator.Compile(context.Background(), generator.Options{Dir: dir, NoGraphs: true})
				if err != nil {
					t.Fatalf("compile: %v\n%v", err, c.Diags.Items)
				}
				m := map[string][]byte{}
				for _, f := range files {
					m[f.Path] = f.Data
				}
				return m
			}
			goWritten := compile()
			restore := render.TemplateLayout()
			templated := compile()
			restore()
			if len(goWritten) != len(templated) {
				t.Fatalf("%d files written with the Go layout, %d with base.html", len(goWritten), len(templated))
			}
			for p, want := range templated {
				if got := goWritten[p]; !bytes.Equal(got, want) {
					t.Errorf("%s differs:\n got: %s\nwant: %s", p, firstDiff(got, want), firstDiff(want, got))
				}
			}
		})
	}
}

// firstDiff is a's text around the first byte where it differs from b.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return string(a[max(0, i-80):min(len(a), i+80)])
}
