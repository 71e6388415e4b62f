// Package uptodate decides, as make does, whether a build may stop after
// its check: when the sources, the handbook's templates and theme and
// accord itself are what the site in the output folder was built from, and
// the output's files are as that build wrote them, the same bytes would be
// written again (builds are deterministic).
//
// A Build lists the handbook folder beside the check and hashes each file
// as the check reads it (FS), so the digest is of the bytes the site is
// built from: a file saved, added or removed while the build runs makes
// the next build differ from the record, never match it with a site of
// older text. The record of a build lives under the user's cache folder,
// never in the site, so that two builds of the same sources stay
// byte-identical: a digest of the inputs and of the output's files as
// written (names, sizes, modes, modification times).
package uptodate

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
)

// Build is the up-to-date check of one build into one output folder.
type Build struct {
	record string  // the record file; "" when there is no cache folder
	in     *inputs // nil when record is ""
	digest string  // of the inputs, once Current has taken it
}

// Start lists the inputs of a build of dir into out, in the background;
// also names what else decides the site (the as-of date, say), which the
// digest then includes.
func Start(dir, out, also string) *Build {
	b := &Build{record: recordPath(out)}
	if b.record != "" {
		b.in = listInputs(dir, out)
		b.in.also = also
	}
	return b
}

// recordPath is where the last build into out is recorded: under the
// user's cache folder, named by out's absolute path; "" when there is no
// cache folder.
func recordPath(out string) string {
	dir, err := os.UserCacheDir()
	abs, aerr := filepath.Abs(out)
	if err != nil || aerr != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "accord", "builds", hex.EncodeToString(sum[:16]))
}

// FS returns fsys hashing each file the build reads through it.
func (b *Build) FS(fsys fs.FS) fs.FS {
	if b.in == nil {
		return fsys
	}
	return b.in.wrap(fsys)
}

// Current reports whether out already holds the site of these inputs as
// it was written, and how many files it has. Call it once the check has
// read the sources. force skips the comparison (the digest is still taken,
// for Save).
func (b *Build) Current(out string, force bool) (files int, ok bool) {
	if b.in == nil {
		return 0, false
	}
	b.digest, _ = b.in.digest() // unreadable or torn: build, and record nothing
	if force || !hasRecord(b.record) {
		return 0, false
	}
	return upToDate(b.record, out, b.digest)
}

// Forget removes the record of the last build into out: call it before
// out is replaced.
func (b *Build) Forget() { forget(b.record) }

// Save records the build that wrote the files of out (as written holds
// them) from these inputs. A record that cannot be written only costs the
// next build its shortcut.
func (b *Build) Save(out string, written map[string]fs.FileInfo) {
	writeRecord(b.record, out, b.digest, written)
}
