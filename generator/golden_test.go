package generator_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden_small renders a small handbook and compares each HTML page's
// <main> element (the layout around it is compared once, on index.html) and
// model.json with testdata/golden/small.txtar. Run with -update after an
// intended change and review the diff.
func TestGolden_small(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golden", "small")
	files, c, err := generator.Compile(context.Background(), generator.Options{Dir: dir, Name: "small", NoGraphs: true, AsOf: goldenAsOf})
	if err != nil {
		t.Fatalf("compile: %v\n%v", err, c.Diags.Items)
	}
	var got txtar.Archive
	for _, f := range files {
		var data []byte
		switch {
		case f.Path == "index.html" || f.Path == "model.json":
			data = f.Data
		case bytes.Contains(f.Data, []byte(`http-equiv="refresh"`)):
			continue // a redirect: see TestGolden_published
		case strings.HasSuffix(f.Path, ".html"):
			data = mainElement(t, f.Path, f.Data)
		default:
			continue
		}
		got.Files = append(got.Files, txtar.File{Name: f.Path, Data: data})
	}
	gotBytes := txtar.Format(&got)
	goldenPath := filepath.Join("..", "testdata", "golden", "small.txtar")
	if *update {
		if err := os.WriteFile(goldenPath, gotBytes, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run Golden -update)", err)
	}
	if !bytes.Equal(gotBytes, want) {
		wantAr := txtar.Parse(want)
		wantFiles := map[string]string{}
		for _, f := range wantAr.Files {
			wantFiles[f.Name] = string(f.Data)
		}
		for _, f := range got.Files {
			if w, ok := wantFiles[f.Name]; !ok {
				t.Errorf("%s: new file", f.Name)
			} else if w != string(f.Data) {
				t.Errorf("%s differs:\n%s", f.Name, firstDiff(w, string(f.Data)))
			}
			delete(wantFiles, f.Name)
		}
		for name := range wantFiles {
			t.Errorf("%s: missing", name)
		}
		t.Log("if the change is intended: go test ./generator -run Golden -update")
	}
}

// TestGolden_published: the small handbook published under a base URL:
// sitemap.xml, 404.html, the redirect of a renamed role, and the head of a
// page with its canonical link (testdata/golden/published.txtar; -update).
func TestGolden_published(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golden", "small")
	files, c, err := generator.Compile(context.Background(), generator.Options{Dir: dir, Name: "small", NoGraphs: true, AsOf: goldenAsOf,
		BaseURL: "https://intranet.example.com/handbook"})
	if err != nil {
		t.Fatalf("compile: %v\n%v", err, c.Diags.Items)
	}
	var got txtar.Archive
	for _, f := range files {
		data := f.Data
		switch f.Path {
		case "sitemap.xml", "404.html", "roles/developer.html":
		case "roles/engineer.html":
			data = data[:bytes.Index(data, []byte("</head>"))]
		default:
			continue
		}
		got.Files = append(got.Files, txtar.File{Name: f.Path, Data: data})
	}
	path := filepath.Join("..", "testdata", "golden", "published.txtar")
	if *update {
		if err := os.WriteFile(path, txtar.Format(&got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run Golden -update)", err)
	}
	if !bytes.Equal(txtar.Format(&got), want) {
		t.Errorf("%s differs; if the change is intended: go test ./generator -run Golden -update\n%s", path, txtar.Format(&got))
	}
}

func mainElement(t *testing.T, name string, page []byte) []byte {
	start := bytes.Index(page, []byte("<main"))
	end := bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < 0 {
		t.Fatalf("%s: no <main> element", name)
	}
	return append(page[start:end+len("</main>")], '\n')
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func itoa(i int) string {
	var b []byte
	for i >= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	return string(append([]byte{byte('0' + i)}, b...))
}

// goldenAsOf pins the date documents are due as of, so the golden pages do
// not change from day to day.
var goldenAsOf = model.Date{Time: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}
