package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// besideOut lists the folder of out, but out.
func besideOut(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestCreate_waitsForTheBuildBefore: a second Create of one output waits
// until the first build commits, and meanwhile leaves its fresh folder
// alone; then it writes its own site, and nothing is left beside.
func TestCreate_waitsForTheBuildBefore(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Create(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	if err := first.Add(File{Path: "a/index.html", Data: []byte("first")}); err != nil {
		t.Fatal(err)
	}
	type created struct {
		w   *Writer
		err error
	}
	second := make(chan created)
	go func() {
		w, err := Create(context.Background(), out)
		second <- created{w, err}
	}()
	select {
	case c := <-second:
		if c.w != nil {
			c.w.Abort()
		}
		t.Fatalf("the second Create did not wait: %v", c.err)
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := os.Stat(filepath.Join(first.tmp, "a", "index.html")); err != nil {
		t.Fatalf("the first build's folder was touched: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	c := <-second
	if c.err != nil {
		t.Fatal(c.err)
	}
	defer c.w.Abort()
	if err := c.w.Add(File{Path: "a/index.html", Data: []byte("second")}); err != nil {
		t.Fatal(err)
	}
	if err := c.w.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "a", "index.html")); err != nil || string(b) != "second" {
		t.Errorf("index.html = %q, %v", b, err)
	}
	if names := besideOut(t, out); len(names) > 0 {
		t.Errorf("left beside the output: %v", names)
	}
}

// TestCreate_contextEndsTheWait: Ctrl-C while waiting for another build
// ends the wait with ctx's error, and the other build goes on.
func TestCreate_contextEndsTheWait(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Create(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	w, err := Create(ctx, out)
	if !errors.Is(err, context.DeadlineExceeded) {
		if w != nil {
			w.Abort()
		}
		t.Fatalf("err = %v, want %v", err, context.DeadlineExceeded)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the wait ended %s after it began, for a 100ms context", took)
	}
	if err := first.Add(File{Path: "index.html", Data: []byte("first")}); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if names := besideOut(t, out); len(names) > 0 {
		t.Errorf("left beside the output: %v", names)
	}
}

// TestTidy_leavesALiveBuildAlone: Tidy (a build that found its output up
// to date) deletes the folders of killed builds, but not while another
// build is writing: the folder there may be that build's.
func TestTidy_leavesALiveBuildAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(context.Background(), out, []File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	dead := filepath.Join(filepath.Dir(out), ".public.accord-tmp-killed")
	if err := os.Mkdir(dead, 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := Create(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if _, err := os.Stat(dead); err == nil {
		t.Fatal("Create left a killed build's folder")
	}
	if err := os.Mkdir(dead, 0o755); err != nil {
		t.Fatal(err)
	}
	Tidy(out)
	if _, err := os.Stat(w.tmp); err != nil {
		t.Fatalf("Tidy deleted the folder of a build at work: %v", err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	Tidy(out)
	if names := besideOut(t, out); len(names) > 0 {
		t.Errorf("left beside the output after Tidy: %v", names)
	}
}
