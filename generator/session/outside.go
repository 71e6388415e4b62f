package session

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/watch"
)

// outside watches the folders of earlier versions ([versions] folders)
// that lie outside the handbook folder, which the session's own watcher
// does not see: a change there must rebuild the site too, and read that
// version again (generator.Earlier.Changed).
type outside struct {
	dir    string // the handbook folder, absolute
	stderr io.Writer
	dirs   []string // watched now
	w      *watch.Watcher
}

func newOutside(dir string, stderr io.Writer) *outside {
	if a, err := filepath.Abs(dir); err == nil {
		dir = a
	}
	return &outside{dir: dir, stderr: stderr}
}

// set watches the folders of earlier versions, absolute, that lie outside
// the handbook folder, and no others. Generator.Earlier calls it before it
// reads them. A folder that does not exist is left to [versions]'s check,
// which says so at every build until it exists.
func (o *outside) set(folders []string) {
	var dirs []string
	for _, f := range folders {
		if rel, err := filepath.Rel(o.dir, f); err == nil && filepath.IsLocal(rel) {
			continue
		}
		if st, err := os.Stat(f); err == nil && st.IsDir() {
			dirs = append(dirs, f)
		}
	}
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	if slices.Equal(dirs, o.dirs) {
		return
	}
	o.close()
	if len(dirs) == 0 {
		return
	}
	w, err := watch.New(dirs...)
	if err != nil {
		fmt.Fprintf(o.stderr, "warning: watching the earlier versions: %s\n", source.EscapeLine(err.Error()))
		return
	}
	o.w, o.dirs = w, dirs
}

// events and errors are the watcher's; nil (never ready) when nothing
// outside is watched.
func (o *outside) events() <-chan watch.Batch {
	if o.w == nil {
		return nil
	}
	return o.w.Events()
}

func (o *outside) errors() <-chan error {
	if o.w == nil {
		return nil
	}
	return o.w.Errors()
}

func (o *outside) close() {
	if o.w != nil {
		o.w.Close()
	}
	o.w, o.dirs = nil, nil
}
