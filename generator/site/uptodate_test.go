package site

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/render"
)

// TestUpToDate: a recorded build is up to date for the same inputs and the
// same out, as long as the files are as it wrote them; the site itself
// holds nothing of the record, so two builds stay byte-identical.
func TestUpToDate(t *testing.T) {
	root := t.TempDir()
	out, record := filepath.Join(root, "public"), filepath.Join(root, "cache", "rec")
	build := func() {
		t.Helper()
		w, err := Create(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []render.File{{Path: "index.html", Data: []byte("home")}, {Path: "a/b.html", Data: []byte("b")}} {
			if err := w.Add(f); err != nil {
				t.Fatal(err)
			}
		}
		writeAt(t, w, "_accord/index.js", "streamed")
		w.Record(record, "in1")
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	build()
	if marker, _ := os.ReadFile(filepath.Join(out, Marker)); string(marker) != markerText {
		t.Errorf("marker = %q: the record must stay out of the site", marker)
	}
	if n, ok := UpToDate(record, out, "in1"); !ok || n != 3 {
		t.Fatalf("UpToDate after a build = %d, %v; want 3, true", n, ok)
	}
	for _, tt := range []struct {
		name            string
		change          func()
		record, out, in string
	}{
		{"other inputs", func() {}, record, out, "in2"},
		{"other output folder", func() {}, record, filepath.Join(root, "elsewhere"), "in1"},
		{"no record", func() {}, filepath.Join(root, "none"), out, "in1"},
		{"no digest", func() {}, record, out, ""},
		{"a file rewritten", func() {
			later := time.Now().Add(time.Minute)
			os.Chtimes(filepath.Join(out, "index.html"), later, later)
		}, record, out, "in1"},
		{"a streamed file rewritten", func() {
			later := time.Now().Add(time.Minute)
			os.Chtimes(filepath.Join(out, "_accord/index.js"), later, later)
		}, record, out, "in1"},
		{"a file added", func() { os.WriteFile(filepath.Join(out, "x.html"), nil, 0o644) }, record, out, "in1"},
		{"a file removed", func() { os.Remove(filepath.Join(out, "a/b.html")) }, record, out, "in1"},
		{"the marker removed", func() { os.Remove(filepath.Join(out, Marker)) }, record, out, "in1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			build()
			tt.change()
			if _, ok := UpToDate(tt.record, tt.out, tt.in); ok {
				t.Error("up to date")
			}
		})
	}
	// A build without a record replaces out and removes the old record.
	os.RemoveAll(out)
	build()
	w, err := Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w.Record(record, "")
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if HasRecord(record) {
		t.Error("the record of the replaced site survived")
	}
}
