package suggest

import (
	"path"
	"strings"
)

// Path returns the known path nearest to p, a slash path that names no
// file: first one with the same file name in another folder (a file moved
// into a sub-folder), else the Closest by spelling.
func Path(p string, known []string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	for _, k := range known {
		if k != p && strings.TrimSuffix(path.Base(k), path.Ext(k)) == base && path.Ext(k) == path.Ext(p) {
			return k
		}
	}
	return Closest(p, known)
}
