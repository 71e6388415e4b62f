package session

import (
	"context"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/watch"
	"github.com/accord-handbook/accord/internal/termcheck"
	"github.com/accord-handbook/accord/internal/testhb"
)

// osc retitles the window, erases the line and returns the cursor over it.
const osc = "\x1b]0;pwned\x07\x1b[2K\r"

// TestSession_statusLinesAreEscaped: the lines serve and build --watch
// print name the folder, the output, a file and an error; none of them
// reaches the terminal raw.
func TestSession_statusLinesAreEscaped(t *testing.T) {
	files := maps.Clone(testhb.Mini)
	files["roles/x"+osc+".toml"] = "name = \"X\"\nteam = \"ops\"\n" // no id: an error naming the file
	dir := filepath.Join(t.TempDir(), "hb"+osc)
	testhb.Write(t, dir, testhb.Mini)

	var stdout, stderr syncBuffer
	s := New(Config{Dir: dir, Name: dir, Out: filepath.Join(t.TempDir(), "out"+osc), Stdout: &stdout, Stderr: &stderr, NoGraphs: true})
	defer s.Close()
	srv := serve.New()
	s.rebuildServed(t.Context(), srv, nil) // checked …
	testhb.Write(t, dir, files)
	s.rebuildServed(t.Context(), srv, &watch.Batch{Paths: []string{"x"}}) // the file's error
	s.compile = func(context.Context, generator.Options) ([]site.File, *generator.Checked, error) {
		panic("boom" + osc)
	}
	s.rebuildServed(t.Context(), srv, &watch.Batch{Paths: []string{"x"}}) // the panic
	s.compile = nil

	wb := &watchBuild{s: s, outAbs: absPath(s.cfg.Out)}
	if err := wb.build(t.Context(), nil); err != nil { // build failed: OUT left as it was
		t.Fatal(err)
	}
	s.compile = func(context.Context, generator.Options) ([]site.File, *generator.Checked, error) {
		return []site.File{{Path: "index.html", Data: []byte("x")}}, nil, nil
	}
	if err := wb.build(t.Context(), nil); err != nil { // built … → OUT
		t.Fatal(err)
	}

	termcheck.Safe(t, "stdout", stdout.String(), true)
	termcheck.Safe(t, "stderr", stderr.String(), true)
	for _, want := range []string{`hb\x1b]0;pwned\x07\x1b[2K\r`, `out\x1b]0;pwned\x07\x1b[2K\r`} {
		if !strings.Contains(stdout.String()+stderr.String(), want) {
			t.Errorf("no %q in\n%q\n%q", want, stdout.String(), stderr.String())
		}
	}
}
