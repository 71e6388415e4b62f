package graphviz

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRender_cache(t *testing.T) {
	dir := t.TempDir()
	dot := testDOT(5)
	r := New(dir)
	first, err := r.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	again, err := r.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if s := r.Stats(); s.Graphs != 2 || s.CacheHits != 1 || s.Layouts != 1 || s.Workers != 1 || s.LayoutTime <= 0 {
		t.Errorf("stats after a repeat: %+v", s)
	}
	if string(first) != string(again) {
		t.Error("a cached SVG differs from the first")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "[^.]*")) // not the prune stamp
	if len(files) != 1 || !strings.HasSuffix(files[0], ".svg") {
		t.Errorf("cache folder holds %q, want one .svg", files)
	}

	// A new Renderer on the same folder (the next build) starts no Graphviz.
	r2 := New(dir)
	defer r2.Close()
	start := time.Now()
	fromDisk, err := r2.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("disk cache hit: %v", time.Since(start))
	if s := r2.Stats(); s.CacheHits != 1 || s.Layouts != 0 || s.Workers != 0 {
		t.Errorf("stats of a warm build: %+v", s)
	}
	if string(fromDisk) != string(first) {
		t.Error("the SVG from disk differs")
	}
}

// TestRender_memoryOnlyOffDisk: what the disk cache holds is read from it
// again rather than kept in memory; without a disk cache, or when the file
// cannot be written, memory keeps the SVG and nothing is laid out twice.
func TestRender_memoryOnlyOffDisk(t *testing.T) {
	dot := testDOT(5)
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		kept int
	}{
		{"disk cache", t.TempDir(), 0},
		{"no disk cache", "", 1},
		{"cache folder cannot be made", notADir, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(tt.dir)
			defer r.Close()
			var svgs []string
			for range 3 {
				svg, err := r.SVG(dot)
				if err != nil {
					t.Fatal(err)
				}
				svgs = append(svgs, string(svg))
			}
			if svgs[1] != svgs[0] || svgs[2] != svgs[0] {
				t.Error("a repeat differs from the first")
			}
			if s := r.Stats(); s.Layouts != 1 || s.CacheHits != 2 {
				t.Errorf("stats %+v, want one layout and two hits", s)
			}
			r.mu.Lock()
			defer r.mu.Unlock()
			if len(r.mem) != tt.kept {
				t.Errorf("%d SVGs in memory, want %d", len(r.mem), tt.kept)
			}
		})
	}
}

// TestRender_damagedCache: a cache file that fails its checksum is laid out
// and sanitised again, never served, and is overwritten with a good one.
func TestRender_damagedCache(t *testing.T) {
	dot, other := testDOT(5), testDOT(6)
	tests := []struct {
		name   string
		damage func(t *testing.T, file, otherFile string, b []byte) []byte
		hit    bool
	}{
		{"intact", func(_ *testing.T, _, _ string, b []byte) []byte { return b }, true},
		{"empty", func(*testing.T, string, string, []byte) []byte { return nil }, false},
		{"truncated", func(_ *testing.T, _, _ string, b []byte) []byte { return b[:len(b)-10] }, false},
		{"header only", func(_ *testing.T, _, _ string, b []byte) []byte { return b[:cacheHeaderLen] }, false},
		{"flipped byte", func(_ *testing.T, _, _ string, b []byte) []byte {
			b[len(b)/2] ^= 1
			return b
		}, false},
		{"script added", func(_ *testing.T, _, _ string, b []byte) []byte {
			return append(b[:len(b)-len("</svg>")], "<script>alert(1)</script></svg>"...)
		}, false},
		{"no header (version 1: Graphviz's own SVG)", func(_ *testing.T, _, _ string, b []byte) []byte {
			return b[cacheHeaderLen:]
		}, false},
		{"bad checksum digits", func(_ *testing.T, _, _ string, b []byte) []byte {
			copy(b[len(cacheHeader):], strings.Repeat("z", 64))
			return b
		}, false},
		{"another graph's file", func(t *testing.T, _, otherFile string, _ []byte) []byte {
			b, err := os.ReadFile(otherFile)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := New(dir)
			want, err := r.SVG(dot)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.SVG(other); err != nil {
				t.Fatal(err)
			}
			r.Close()
			file := r.path(r.key(dot))
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), cacheHeader) || !strings.HasSuffix(string(b), string(want)) {
				t.Fatalf("cache file is not header + sanitised SVG: %.200s", b)
			}
			if err := os.WriteFile(file, tt.damage(t, file, r.path(r.key(other)), b), 0o644); err != nil {
				t.Fatal(err)
			}

			r2 := New(dir)
			defer r2.Close()
			got, err := r2.SVG(dot)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("served %.200s…, want the SVG laid out first", got)
			}
			if s := r2.Stats(); (s.CacheHits == 1) != tt.hit || s.Layouts+s.CacheHits != 1 {
				t.Errorf("stats %+v, want a cache hit: %v", s, tt.hit)
			}
			// The file was repaired: a third build hits.
			r3 := New(dir)
			defer r3.Close()
			if _, err := r3.SVG(dot); err != nil {
				t.Fatal(err)
			}
			if s := r3.Stats(); s.CacheHits != 1 {
				t.Errorf("the damaged file was not replaced: %+v", s)
			}
		})
	}
}

func TestDefaultCacheDir(t *testing.T) {
	if d := DefaultCacheDir(); d != "" && !strings.HasSuffix(d, filepath.Join("accord", "graphs")) {
		t.Errorf("DefaultCacheDir() = %q", d)
	}
	_ = os.Getenv // the folder is not created until a graph is stored
}
