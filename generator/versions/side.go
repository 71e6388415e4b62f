package versions

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/accord-handbook/accord/generator/gitfs"
	"github.com/accord-handbook/accord/generator/rootfs"
)

// Open opens one side of `accord diff OLD NEW`: arg is a folder (the
// handbook itself, or a folder with the handbook in content/), or, when no
// such folder exists, a git ref (v1.0, HEAD, a branch or a commit) of the
// repository holding cwd, read without a checkout. name prefixes file
// names in messages: the folder, or "ref:sub-folder" as git writes a path
// at a revision. Call close when done reading.
func Open(arg, cwd string) (fsys fs.FS, name string, close func(), err error) {
	dir := arg
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(cwd, dir)
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		name = arg
		if !isFile(filepath.Join(dir, "handbook.toml")) && isFile(filepath.Join(dir, "content", "handbook.toml")) {
			dir, name = filepath.Join(dir, "content"), filepath.ToSlash(filepath.Join(arg, "content"))
		}
		rfs, err := rootfs.Open(dir)
		if err != nil {
			return nil, "", nil, err
		}
		return rfs, name, func() { rfs.Close() }, nil
	}
	repo, sub, err := gitfs.Resolve(cwd)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s is neither a folder nor a git ref: %w", arg, err)
	}
	if !isFile(filepath.Join(cwd, "handbook.toml")) && isFile(filepath.Join(cwd, "content", "handbook.toml")) {
		sub = path.Join(sub, "content")
	}
	fsys, err = gitfs.Open(repo, arg, sub)
	if err != nil {
		return nil, "", nil, err
	}
	return fsys, arg + ":" + sub, func() {}, nil
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}
