package site

import (
	"errors"
	"io/fs"
	"os"
)

// swapRename replaces out with tmp by two renames. Between them out is
// missing for an instant, but it is never partly written.
func swapRename(tmp, out string) error {
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return err
	}
	return removeTree(old)
}
