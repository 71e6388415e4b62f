package graphviz

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The disk cache would otherwise grow for ever: every edit of a graph adds
// a layout, and a new cache format (cacheVersion) leaves all the old files
// behind. Files a build reads are touched (at most once a day each), and
// once a day Close removes the layouts nobody asked for in CacheMaxAge.
const (
	// CacheMaxAge is how long an unused layout stays in the disk cache.
	CacheMaxAge = 30 * 24 * time.Hour
	pruneEvery  = 24 * time.Hour
	touchEvery  = 24 * time.Hour
	// tempMaxAge is when a temp file is taken for one a killed build left.
	tempMaxAge = time.Hour
	pruneStamp = ".pruned"
)

// touch records that the cache file at path, last modified at mod, is
// still in use.
func touch(path string, mod, now time.Time) {
	if now.Sub(mod) > touchEvery {
		_ = os.Chtimes(path, now, now)
	}
}

// prune removes from dir the layouts unused for CacheMaxAge and old temp
// files, unless it did so in the last pruneEvery. Errors only leave files
// for the next time.
func prune(dir string, now time.Time) {
	if dir == "" {
		return
	}
	stamp := filepath.Join(dir, pruneStamp)
	if st, err := os.Stat(stamp); err == nil && now.Sub(st.ModTime()) < pruneEvery {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".svg") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		age := now.Sub(info.ModTime())
		if strings.HasPrefix(name, ".tmp-") && age > tempMaxAge || !strings.HasPrefix(name, ".") && age > CacheMaxAge {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
	if f, err := os.Create(stamp); err == nil {
		f.Close()
	}
}
