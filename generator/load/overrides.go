package load

import (
	"io/fs"

	"github.com/accord-handbook/accord/generator/source"
)

// overrides checks the folders that override accord's own files, templates/
// and theme/: they are read at build time and the theme is copied into the
// site, so a symbolic link there could publish a file from outside the
// handbook just as one in assets/ could. Their contents are not sources and
// are not read here.
func (l *loader) overrides() {
	for _, folder := range []string{"templates", "theme"} {
		if l.linkedFolder(folder) {
			continue
		}
		_ = fs.WalkDir(l.fsys, folder, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				if p != folder {
					l.diags.Errorf(source.Pos{File: l.display(p)}, "cannot read: %v", unwrapPath(err))
				}
			case d.Type()&fs.ModeSymlink != 0:
				l.diags.Errorf(source.Pos{File: l.display(p)}, "%s", symlinkFile)
			case d.IsDir() && l.site(p):
				return fs.SkipDir
			}
			return nil
		})
	}
}
