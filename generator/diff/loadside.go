package diff

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/accord-handbook/accord/generator/gitfs"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// LoadSide loads one side of `accord diff OLD NEW`. arg is a folder (the
// handbook itself, or a folder with the handbook in content/), or, when no
// such folder exists, a git ref (v1.0, HEAD, a branch or a commit) of the
// repository holding the current folder. It returns the handbook and the
// name to show for it: arg itself.
//
// Problems in the handbook are not an error: an old version need not pass
// today's checks to be compared. The error is for a side that cannot be
// read at all, or that holds nothing a handbook is made of.
func LoadSide(arg string) (*model.Handbook, string, error) {
	h, name, _, err := LoadSideDiagnostics(arg)
	return h, name, err
}

// LoadSideDiagnostics is LoadSide that also returns what load reported, so
// the command can say that a version has problems while still comparing it.
func LoadSideDiagnostics(arg string) (*model.Handbook, string, *source.List, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, arg, nil, err
	}
	return loadSide(arg, cwd)
}

func loadSide(arg, cwd string) (*model.Handbook, string, *source.List, error) {
	fsys, display, err := openSide(arg, cwd)
	if err != nil {
		return nil, arg, nil, err
	}
	h, diags := load.Load(fsys, display)
	if empty(h) {
		nerr, nwarn := diags.Count()
		msg := fmt.Sprintf("%s: nothing could be loaded (%d errors, %d warnings)", arg, nerr, nwarn)
		if len(diags.Items) > 0 {
			msg += "; first: " + diags.Items[0].String()
		}
		return nil, arg, diags, errors.New(msg)
	}
	return h, arg, diags, nil
}

// openSide decides whether arg is a folder or a git ref and opens it. The
// display name prefixes file names in diagnostics: the folder, or
// "ref:sub-folder" as git writes a path at a revision.
func openSide(arg, cwd string) (fs.FS, string, error) {
	dir := arg
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(cwd, dir)
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		if !isFile(filepath.Join(dir, "handbook.toml")) && isFile(filepath.Join(dir, "content", "handbook.toml")) {
			return os.DirFS(filepath.Join(dir, "content")), filepath.ToSlash(filepath.Join(arg, "content")), nil
		}
		return os.DirFS(dir), arg, nil
	}
	repo, sub, err := gitfs.Resolve(cwd)
	if err != nil {
		return nil, "", fmt.Errorf("%s is neither a folder nor a git ref: %w", arg, err)
	}
	if !isFile(filepath.Join(cwd, "handbook.toml")) && isFile(filepath.Join(cwd, "content", "handbook.toml")) {
		sub = path.Join(sub, "content")
	}
	fsys, err := gitfs.Open(repo, arg, sub)
	if err != nil {
		return nil, "", err
	}
	// "v1.0:content" or "v1.0:." prefix file names as `git show` reads them.
	return fsys, arg + ":" + sub, nil
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// empty reports a handbook with nothing in it: no handbook.toml and no
// source of any kind, which is a wrong folder or ref, not an old version.
func empty(h *model.Handbook) bool {
	hasMeta := h.Meta.Src != nil && h.Meta.Src.Text != nil
	return !hasMeta && len(h.Teams) == 0 && len(h.Roles) == 0 && len(h.Workflows) == 0 &&
		len(h.Policies) == 0 && len(h.Pages) == 0 && len(h.Terms) == 0
}
