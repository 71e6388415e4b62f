package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

func (l *loader) role(p, id, ext string) {
	switch ext {
	case ".md":
		return // read by roleBodies, once every role is known
	case ".toml":
	default:
		l.diags.Warnf(source.Pos{File: l.display(p)}, "ignored: roles/ holds <id>.toml and <id>.md files")
		return
	}
	if !l.checkID(p, id) {
		return
	}
	doc, ok := l.read(p)
	if !ok {
		return
	}
	r := &model.Role{ID: id, Src: doc}
	decodeTOML(doc, doc.Text, r, l.diags)
	r.ID, r.Src = id, doc
	l.h.Roles = append(l.h.Roles, r)
}

func (l *loader) roleBodies() {
	byID := map[string]*model.Role{}
	for _, r := range l.h.Roles {
		byID[r.ID] = r
	}
	if l.symlink("roles") {
		return // reported by dir
	}
	entries, _ := fs.ReadDir(l.fsys, "roles")
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || hidden(name) || path.Ext(name) != ".md" {
			continue
		}
		id := strings.TrimSuffix(name, ".md")
		p := "roles/" + name
		r := byID[id]
		if r == nil {
			l.diags.Errorf(source.Pos{File: l.display(p), Line: 1, Col: 1}, "roles/%s.md has no roles/%s.toml: a role's description needs the role's TOML file beside it", id, id)
			continue
		}
		doc, ok := l.read(p)
		if !ok {
			continue
		}
		if i := invalidUTF8(doc.Text); i >= 0 {
			l.diags.Errorf(doc.Offset(i), "invalid UTF-8: save the file as UTF-8")
			continue
		}
		r.Body = doc
	}
}

// open reads the source file p of a folder that holds <id>+want files,
// reporting a file of another kind or with an invalid id.
func (l *loader) open(p, id, ext, want string) (*source.Doc, bool) {
	if ext != want {
		l.diags.Warnf(source.Pos{File: l.display(p)}, "ignored: %s/ holds <id>%s files", path.Dir(p), want)
		return nil, false
	}
	if !l.checkID(p, id) {
		return nil, false
	}
	return l.read(p)
}

func (l *loader) workflow(p, id, ext string) {
	doc, ok := l.open(p, id, ext, ".toml")
	if !ok {
		return
	}
	w := &model.Workflow{}
	decodeTOML(doc, doc.Text, w, l.diags)
	w.ID, w.Src = id, doc
	l.h.Workflows = append(l.h.Workflows, w)
}

func (l *loader) policy(p, id, ext string) {
	doc, ok := l.open(p, id, ext, ".md")
	if !ok {
		return
	}
	pol := &model.Policy{}
	body, line, ok := l.frontMatter(doc, pol, "title, owner, applies_to, review_cycle, effective_date")
	pol.ID, pol.Src, pol.Body, pol.BodyLine = id, doc, body, line
	if ok || body != nil {
		l.h.Policies = append(l.h.Policies, pol)
	}
}

// frontMatter decodes a Markdown file's `+++` front matter into v and
// returns the body and the number of lines before it. keys names what the
// front matter should hold, for the message when it is missing.
func (l *loader) frontMatter(doc *source.Doc, v any, keys string) ([]byte, int, bool) {
	if i := invalidUTF8(doc.Text); i >= 0 {
		l.diags.Errorf(doc.Offset(i), "invalid UTF-8: save the file as UTF-8")
		return nil, 0, false
	}
	fm, body, line, found, closed := splitFrontMatter(doc.Text)
	switch {
	case !found && yamlFrontMatter(doc.Text):
		l.diags.Errorf(doc.Line(1), "this front matter is YAML, between `---` lines (as Hugo and Jekyll write it); accord reads TOML between `+++` lines: replace both `---` with `+++` and write key = \"value\" for key: value (strings in quotes, dates as 2026-07-01)")
		doc.Broken = true
		return doc.Text, 0, false
	case !found:
		l.diags.Errorf(doc.Line(1), "no front matter: start the file with a line `+++`, then %s as TOML, then a closing `+++`", keys)
		doc.Broken = true
		return doc.Text, 0, false
	case !closed:
		l.diags.Errorf(doc.Line(1), "front matter opened with `+++` is never closed: add a line `+++` after its last key")
		doc.Broken = true
		return nil, 0, false
	}
	return body, line, decodeTOML(doc, fm, v, l.diags)
}

// yamlFrontMatter reports a file that starts with a `---` line closed by
// another: YAML front matter.
func yamlFrontMatter(text []byte) bool {
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return false
	}
	for _, line := range bytes.Split(rest, []byte("\n")) {
		if t := string(bytes.TrimRight(line, " \t\r")); t == "---" || t == "..." {
			return true
		}
	}
	return false
}

func (l *loader) pages() {
	if l.linkedFolder("pages") {
		return
	}
	// The pages are read while the walk goes on, in walk order: see stream.
	l.stream(func(add func(func(*loader))) { l.walkPages(add) })
}

// walkPages finds the pages to read and passes a job reading each to add.
func (l *loader) walkPages(add func(func(*loader))) {
	err := fs.WalkDir(l.fsys, "pages", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "pages" {
				return fs.SkipAll
			}
			l.diags.Errorf(source.Pos{File: l.display(p)}, "cannot read: %v", unwrapPath(err))
			return nil
		}
		if hidden(d.Name()) && p != "pages" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			switch {
			case p != "pages" && l.site(p):
				return fs.SkipDir
			case p == "pages":
			case !model.ValidID(d.Name()):
				l.diags.Errorf(source.Pos{File: l.display(p)}, "folder name %q is not a valid id: use lower-case a-z, 0-9 and '-' (for example %q)", d.Name(), model.SuggestID(d.Name()))
				return fs.SkipDir
			case len(d.Name()) > MaxIDLen:
				l.diags.Errorf(source.Pos{File: l.display(p)}, "folder name %q is %d characters long, more than the %d an id may have: shorten it", d.Name(), len(d.Name()), MaxIDLen)
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.diags.Errorf(source.Pos{File: l.display(p)}, "symbolic links are not followed: copy the file into the handbook")
			return nil
		}
		if path.Ext(p) != ".md" {
			l.diags.Warnf(source.Pos{File: l.display(p)}, "ignored: pages/ holds .md files (put other files in assets/)")
			return nil
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(p, "pages/"), ".md")
		if !l.checkID(p, path.Base(rel)) {
			return nil
		}
		add(func(sub *loader) { sub.page(p, rel) })
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		l.diags.Errorf(source.Pos{File: l.display("pages")}, "cannot read folder: %v", unwrapPath(err))
	}
}

// page reads pages/<rel>.md, at p.
func (l *loader) page(p, rel string) {
	doc, ok := l.read(p)
	if !ok {
		return
	}
	pg := &model.Page{}
	body, line, ok := l.frontMatter(doc, pg, "at least title")
	pg.Path, pg.Src, pg.Body, pg.BodyLine = rel, doc, body, line
	if ok || body != nil {
		l.h.Pages = append(l.h.Pages, pg)
	}
}

// MaxAssetName bounds an asset's file name, for the same reason as MaxIDLen.
const MaxAssetName = 200

// assets lists the files under assets/; they are copied byte for byte.
// Symbolic links are refused: one could point outside the handbook.
func (l *loader) assets() {
	if l.linkedFolder("assets") {
		return
	}
	_ = fs.WalkDir(l.fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "assets" {
				l.diags.Errorf(source.Pos{File: l.display(p)}, "cannot read: %v", unwrapPath(err))
			}
			return nil
		}
		if hidden(d.Name()) && p != "assets" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() && l.site(p) {
			return fs.SkipDir
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l.diags.Errorf(source.Pos{File: l.display(p)}, "symbolic links are not followed: copy the file into assets/")
		case !utf8.ValidString(p):
			l.diags.Errorf(source.Pos{File: l.display(strings.ToValidUTF8(p, "\uFFFD"))}, "the file name is not UTF-8: rename the file (a web server cannot serve it reliably)")
		case len(path.Base(p)) > MaxAssetName:
			l.diags.Errorf(source.Pos{File: l.display(p)}, "the file name is %d bytes long, more than the %d an asset's may have: shorten it", len(path.Base(p)), MaxAssetName)
		case d.Type().IsRegular():
			l.h.Assets = append(l.h.Assets, p)
			if !l.h.Meta.Markdown.RawHTML {
				l.checkAsset(p)
			}
		}
		return nil
	})
}
