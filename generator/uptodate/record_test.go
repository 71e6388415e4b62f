package uptodate

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/site"
)

// TestUpToDate: a recorded build is up to date for the same inputs and the
// same out, as long as the files are as it wrote them; the site itself
// holds nothing of the record, so two builds stay byte-identical.
func TestUpToDate(t *testing.T) {
	root := t.TempDir()
	out, record := filepath.Join(root, "public"), filepath.Join(root, "cache", "rec")
	build := func(inputs string) {
		t.Helper()
		w, err := site.Create(context.Background(), out)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []site.File{{Path: "index.html", Data: []byte("home")}, {Path: "a/b.html", Data: []byte("b")}} {
			if err := w.Add(f); err != nil {
				t.Fatal(err)
			}
		}
		f, err := w.CreateFile("_accord/index.js")
		if err == nil {
			_, err = f.WriteAt([]byte("streamed"), 0)
		}
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		forget(record)
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		writeRecord(record, out, inputs, w.Written())
	}
	build("in1")
	if n, ok := upToDate(record, out, "in1"); !ok || n != 3 {
		t.Fatalf("upToDate after a build = %d, %v; want 3, true", n, ok)
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
		{"the marker removed", func() { os.Remove(filepath.Join(out, site.Marker)) }, record, out, "in1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			build("in1")
			tt.change()
			if _, ok := upToDate(tt.record, tt.out, tt.in); ok {
				t.Error("up to date")
			}
		})
	}
	// A build without a digest replaces out and leaves no record.
	os.RemoveAll(out)
	build("in1")
	build("")
	if hasRecord(record) {
		t.Error("the record of the replaced site survived")
	}
}
