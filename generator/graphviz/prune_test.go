package graphviz

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPrune: layouts unused for CacheMaxAge and temp files of killed
// writers go, once a day; what builds still read stays, because reading
// it touches it.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Duration{ // name -> age
		"fresh.svg":      time.Hour,
		"month-old.svg":  CacheMaxAge + time.Hour,
		".tmp-1.svg":     2 * tempMaxAge,
		".tmp-2.svg":     time.Minute, // a build writing it now
		"notes.txt":      CacheMaxAge * 2,
		"nearly-old.svg": CacheMaxAge - time.Hour,
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	prune(dir, now)
	for name, keep := range map[string]bool{"fresh.svg": true, "month-old.svg": false, ".tmp-1.svg": false, ".tmp-2.svg": true, "notes.txt": true, "nearly-old.svg": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != keep {
			t.Errorf("%s: kept %v, want %v", name, err == nil, keep)
		}
	}
	// Within a day of the last prune nothing is looked at.
	old := filepath.Join(dir, "old-again.svg")
	os.WriteFile(old, []byte("x"), 0o644)
	os.Chtimes(old, now.Add(-2*CacheMaxAge), now.Add(-2*CacheMaxAge))
	prune(dir, now.Add(time.Hour))
	if _, err := os.Stat(old); err != nil {
		t.Error("pruned twice in a day")
	}
	prune(dir, now.Add(pruneEvery+time.Hour))
	if _, err := os.Stat(old); err == nil {
		t.Error("not pruned a day later")
	}
}

// TestLoad_touches: a cached layout read by a build is marked as used, so
// that pruning keeps it however old it was.
func TestLoad_touches(t *testing.T) {
	dir := t.TempDir()
	r := New(dir)
	const dot = "digraph { a -> b }"
	key := r.key(dot)
	if !r.store(key, []byte("<svg></svg>")) {
		t.Fatal("store failed")
	}
	p := r.path(key)
	old := time.Now().Add(-2 * CacheMaxAge)
	os.Chtimes(p, old, old)
	if _, ok := r.load(key); !ok {
		t.Fatal("load failed")
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(st.ModTime()) > time.Hour {
		t.Errorf("a loaded layout was not touched: modified %s ago", time.Since(st.ModTime()).Round(time.Second))
	}
	prune(dir, time.Now())
	if _, err := os.Stat(p); err != nil {
		t.Error("a layout in use was pruned")
	}
}
