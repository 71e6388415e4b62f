package site

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts tmp in out's place. On Linux, renameat2 with RENAME_EXCHANGE
// swaps the two folders in one step, so out never stops existing; the old
// site is then deleted from tmp's name.
func swap(tmp, out string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return removeTree(tmp)
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(tmp, out)
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS):
		return swapRename(tmp, out) // file system without RENAME_EXCHANGE
	}
	return err
}
