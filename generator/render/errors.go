package render

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"syscall"

	"github.com/accord-handbook/accord/generator/site"
)

// fail records an error of one page; rendering goes on with the others.
func (r *renderer) fail(err error) {
	r.mu.Lock()
	r.errs = append(r.errs, err)
	r.mu.Unlock()
}

// unwritten is a file of the site that the output refused.
type unwritten struct {
	path string
	err  error
}

func (r *renderer) add(p string, data []byte) {
	if err := r.out.Add(site.File{Path: p, Data: data}); err != nil {
		r.failWrite(p, err)
	}
}

// failWrite records a file the output refused. Such failures come in
// hundreds for one cause (a full disk), so err reports them by cause.
func (r *renderer) failWrite(p string, err error) {
	r.mu.Lock()
	r.unwritten = append(r.unwritten, unwritten{p, err})
	r.mu.Unlock()
}

// err is every error of the render, one a line, sorted; nil if none.
func (r *renderer) err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	lines := make([]string, 0, len(r.errs))
	for _, e := range r.errs {
		lines = append(lines, e.Error())
	}
	lines = append(lines, writeFailures(r.unwritten)...)
	if len(lines) == 0 {
		return nil
	}
	slices.Sort(lines)
	return errors.New(strings.Join(lines, "\n"))
}

// writeFailures says which files could not be written: one line for each
// cause, naming the first file (by path) and how many failed with it.
func writeFailures(files []unwritten) []string {
	slices.SortFunc(files, func(a, b unwritten) int { return cmp.Compare(a.path, b.path) })
	var causes []string
	byCause := map[string][]unwritten{}
	for _, f := range files {
		c := rootCause(f.err).Error()
		if byCause[c] == nil {
			causes = append(causes, c)
		}
		byCause[c] = append(byCause[c], f)
	}
	var lines []string
	for _, c := range causes {
		group := byCause[c]
		first := group[0]
		line := fmt.Sprintf("writing %s: %v", first.path, first.err)
		if len(group) > 1 {
			line = fmt.Sprintf("cannot write %d files of the site, the first %s: %v", len(group), first.path, first.err)
		}
		if advice := writeAdvice(first.err); advice != "" {
			line += "; " + advice
		}
		lines = append(lines, line)
	}
	return lines
}

// rootCause is the innermost error that err wraps: the errno of a failed
// open or write, whichever file it was.
func rootCause(err error) error {
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err
		}
		err = inner
	}
}

// writeAdvice says what to do when the output cannot be written.
func writeAdvice(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "free some space on that disk, then build again"
	case errors.Is(err, syscall.EDQUOT):
		return "your disk quota is used up: free some space, then build again"
	case errors.Is(err, syscall.EROFS):
		return "that file system is read-only: choose another output with -o"
	case errors.Is(err, fs.ErrPermission):
		return "check the permissions of the output's folder, or choose another output with -o"
	}
	return ""
}
