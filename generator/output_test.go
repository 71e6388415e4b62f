package generator_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/internal/testhb"
)

// beside lists what is in out's folder besides out itself: nothing once
// every build has ended.
func beside(t *testing.T, out string) []string {
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

// TestBuild_concurrent: builds into one folder at once take turns. Every
// one succeeds, none deletes another's fresh folder, and the folder
// always ends up holding the whole site, marker included.
func TestBuild_concurrent(t *testing.T) {
	dir := testhb.Dir(t, testhb.Large(100))
	out := filepath.Join(t.TempDir(), "public")
	opts := generator.Options{Dir: dir, Out: out, Force: true, NoGraphs: true}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	want := testhb.Tree(t, out)
	if want[site.Marker] == "" {
		t.Fatal("no marker in the site")
	}
	builds, rounds := 4, 3
	if testhb.Race {
		rounds = 1
	}
	for round := range rounds {
		var wg sync.WaitGroup
		errs := make([]error, builds)
		for i := range builds {
			wg.Go(func() {
				_, errs[i] = generator.Build(context.Background(), opts)
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, build %d: %v", round, i, err)
			}
		}
		got := testhb.Tree(t, out)
		if len(got) != len(want) {
			t.Fatalf("round %d: the site has %d files, want %d (marker: %v)", round, len(got), len(want), got[site.Marker] != "")
		}
		for p, sum := range want {
			if got[p] != sum {
				t.Fatalf("round %d: %s differs from a lone build's", round, p)
			}
		}
		if names := beside(t, out); len(names) > 0 {
			t.Fatalf("round %d: left beside the output: %v", round, names)
		}
	}
}

// TestBuild_waitsForLock: a build that finds another one writing its
// output waits for it, and gives up when its context ends, leaving the
// other build's fresh folder alone.
func TestBuild_waitsForLock(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	out := filepath.Join(t.TempDir(), "public")
	other, err := site.Create(context.Background(), out) // another build, writing
	if err != nil {
		t.Fatal(err)
	}
	defer other.Abort()
	if err := other.Add(site.File{Path: "index.html", Data: []byte("the other build's")}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := generator.Build(ctx, generator.Options{Dir: dir, Out: out, NoGraphs: true})
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("the build did not wait for the other one: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Fatalf("err = %v, want %v", err, context.Canceled)
	}
	if err := other.Commit(); err != nil {
		t.Fatalf("the other build cannot commit: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "the other build's" {
		t.Errorf("index.html = %q, %v", b, err)
	}
	if names := beside(t, out); len(names) > 0 {
		t.Errorf("left beside the output: %v", names)
	}
}

// TestBuild_interrupted: Ctrl-C during a long build stops it within a
// moment, with the context's error; the previous site stays as it was and
// nothing is left beside it.
func TestBuild_interrupted(t *testing.T) {
	dir := testhb.Dir(t, testhb.Large(1000))
	out := filepath.Join(t.TempDir(), "public")
	opts := generator.Options{Dir: dir, Out: out, Force: true, NoGraphs: true}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := testhb.Tree(t, out)
	start := time.Now()
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	whole := time.Since(start)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error)
	go func() {
		_, err := generator.Build(ctx, opts)
		done <- err
	}()
	// Its fresh folder appears when the build starts writing pages.
	for len(beside(t, out)) < 2 {
		select {
		case err := <-done:
			t.Fatalf("the build ended before it was interrupted: %v", err)
		case <-time.After(time.Millisecond):
		}
	}
	cancel()
	interrupted := time.Now()
	err := <-done
	took := time.Since(interrupted)
	t.Logf("a whole build takes %s; an interrupted one returned %s after Ctrl-C", whole.Round(time.Millisecond), took.Round(time.Millisecond))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want %v", err, context.Canceled)
	}
	if took > whole/2 {
		t.Errorf("the build returned %s after Ctrl-C; a whole build takes %s", took, whole)
	}
	after := testhb.Tree(t, out)
	if len(after) != len(before) {
		t.Fatalf("the site has %d files, was %d", len(after), len(before))
	}
	for p, sum := range before {
		if after[p] != sum {
			t.Fatalf("%s changed", p)
		}
	}
	if names := beside(t, out); len(names) > 0 {
		t.Errorf("left beside the output: %v", names)
	}
}
