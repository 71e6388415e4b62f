// Package load reads a handbook folder (any fs.FS) into a model.Handbook.
//
// It decodes TOML strictly (unknown keys and wrong types are errors at their
// line and column), splits `+++` front matter from Markdown keeping line
// numbers true, and reports every problem it meets in one source.List rather
// than stopping at the first. It checks the form of each file; whether the
// references between files resolve is validate's job.
package load

import (
	"bytes"
	"errors"
	"github.com/accord-handbook/accord/generator/urls"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// MaxFileSize bounds what is read from one source file: a handbook page is
// kilobytes, and a runaway file must not exhaust memory.
const MaxFileSize = 8 << 20

type loader struct {
	fsys  fs.FS
	name  string // display prefix, e.g. "content"
	diags *source.List
	h     *model.Handbook
}

// Load reads the handbook in fsys. name prefixes every file name in
// diagnostics (the folder as the user typed it). The handbook is returned
// even when there are errors, with what could be read, so that checks can go
// on and report everything at once.
func Load(fsys fs.FS, name string) (*model.Handbook, *source.List) {
	l := &loader{fsys: fsys, name: name, diags: &source.List{}, h: &model.Handbook{}}
	l.meta()
	l.teams()
	l.glossary()
	l.people()
	l.dir("roles", (*loader).role)
	l.dir("workflows", (*loader).workflow)
	l.dir("policies", (*loader).policy)
	l.pages()
	l.assets()
	l.overrides()
	l.roleBodies()
	l.h.Index()
	l.diags.Sort()
	return l.h, l.diags
}

// Meta reads only handbook.toml of the handbook in fsys: enough to know
// which version it is and since when.
func Meta(fsys fs.FS, name string) (*model.Handbook, *source.List) {
	l := &loader{fsys: fsys, name: name, diags: &source.List{}, h: &model.Handbook{}}
	l.meta()
	l.h.Index()
	return l.h, l.diags
}

func (l *loader) display(p string) string {
	if l.name == "" || l.name == "." {
		return p
	}
	return path.Join(l.name, p)
}

// read returns a file as a Doc, reporting why it cannot be read. A leading
// byte-order mark is dropped: editors on Windows add it and it is not text.
func (l *loader) read(p string) (*source.Doc, bool) {
	doc := source.NewDoc(l.display(p), p, nil)
	// Lstat, which finds links, says of anything else what Stat would, and
	// its size sizes the buffer: one system call where Lstat, Stat and
	// Fstat were three, on every file of the handbook.
	info, err := fs.Lstat(l.fsys, p)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		l.diags.Errorf(doc.File(), "%s", symlinkFile)
		return doc, false
	}
	if err != nil {
		info, err = fs.Stat(l.fsys, p)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return doc, false
		}
		l.diags.Errorf(doc.File(), "cannot read: %v", unwrapPath(err))
		return doc, false
	}
	if !info.Mode().IsRegular() {
		l.diags.Errorf(doc.File(), "not a regular file")
		return doc, false
	}
	if info.Size() > MaxFileSize {
		// Rounded up: 8 MB and one byte is "9 MB, larger than the 8 MB".
		l.diags.Errorf(doc.File(), "file is %d MB, larger than the %d MB a source file may have: split it", (info.Size()+1<<20-1)>>20, MaxFileSize>>20)
		return doc, false
	}
	b, err := readLimited(l.fsys, p, info.Size())
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// It was there a moment ago (Stat found it): deleted or renamed
		// while the handbook was being read, as an editor's save may do.
		l.diags.Errorf(doc.File(), "file disappeared while it was being read (deleted or renamed during the build): run the command again")
		return doc, false
	case errors.Is(err, errTooLarge):
		l.diags.Errorf(doc.File(), "file grew past the %d MB a source file may have while it was being read: split it", MaxFileSize>>20)
		return doc, false
	case err != nil:
		l.diags.Errorf(doc.File(), "cannot read: %v", unwrapPath(err))
		return doc, false
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	return source.NewDoc(l.display(p), p, b), true
}

// Symbolic links are refused wherever they are among the sources: one could
// point outside the handbook (a role file linked to ~/.ssh/config would be
// published), and one inside it is a second name for a file, which the
// site would show twice. fs.Lstat sees links on any fs.FS that can report
// them (os.DirFS, fstest.MapFS); on others, Stat's answer stands.
const (
	symlinkFile   = "symbolic links are not followed: copy the file into the handbook"
	symlinkFolder = "symbolic links are not followed: copy the folder into the handbook"
)

// symlink reports whether p is itself a symbolic link.
func (l *loader) symlink(p string) bool {
	info, err := fs.Lstat(l.fsys, p)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// linkedFolder reports a top-level folder that is a symbolic link, which is
// then not read at all.
func (l *loader) linkedFolder(folder string) bool {
	if !l.symlink(folder) {
		return false
	}
	l.diags.Errorf(source.Pos{File: l.display(folder)}, "%s", symlinkFolder)
	return true
}

var errTooLarge = errors.New("file too large")

// readLimited reads p, but never more than MaxFileSize bytes: the size Stat
// reported may be stale (a file still being written) or meaningless (a
// special file that claims to be small). size is what the caller's Stat
// said, or -1 to ask the open file.
func readLimited(fsys fs.FS, p string, size int64) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from Stat, the buffer is read into once and kept as the
	// document's text: io.ReadAll alone starts at 512 bytes and doubles,
	// copying each file several times and keeping up to twice its size.
	if size < 0 {
		if info, err := f.Stat(); err == nil {
			size = info.Size()
		}
	}
	capacity := 512
	if size >= 0 && size < MaxFileSize {
		capacity = int(size) + 1 // +1: seeing EOF needs room for one more byte
	}
	b := make([]byte, 0, capacity)
	lr := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grew since Stat: let append pick the next size
		}
	}
	if len(b) > MaxFileSize {
		return nil, errTooLarge
	}
	return b, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (l *loader) meta() {
	doc, ok := l.read("handbook.toml")
	l.h.Meta.Src = doc
	if !ok {
		if _, err := fs.Lstat(l.fsys, "handbook.toml"); errors.Is(err, fs.ErrNotExist) {
			l.diags.Errorf(doc.File(), "no handbook.toml here: is this a handbook folder? (`accord init DIR` starts one)")
		}
		return
	}
	decodeTOML(doc, doc.Text, &l.h.Meta, l.diags)
	l.h.Meta.Src = doc
}

func (l *loader) teams() {
	doc, ok := l.read("teams.toml")
	if !ok {
		return
	}
	var f struct {
		Team []*model.Team `toml:"team"`
	}
	decodeTOML(doc, doc.Text, &f, l.diags)
	for i, t := range f.Team {
		t.Src, t.Key = doc, "team."+itoa(i)
	}
	l.h.Teams = f.Team
}

func (l *loader) glossary() {
	doc, ok := l.read("glossary.toml")
	if !ok {
		return
	}
	var f struct {
		Term []*model.Term `toml:"term"`
	}
	decodeTOML(doc, doc.Text, &f, l.diags)
	for i, t := range f.Term {
		t.Src, t.Key = doc, "term."+itoa(i)
	}
	l.h.Terms = f.Term
}

// people reads people.toml and acknowledgements.toml, both optional.
func (l *loader) people() {
	if doc, ok := l.read("people.toml"); ok {
		var f struct {
			Person []*model.Person `toml:"person"`
		}
		decodeTOML(doc, doc.Text, &f, l.diags)
		for i, p := range f.Person {
			p.Src, p.Key = doc, "person."+itoa(i)
		}
		l.h.People = f.Person
	}
	if doc, ok := l.read("acknowledgements.toml"); ok {
		var f struct {
			Ack []*model.Ack `toml:"ack"`
		}
		decodeTOML(doc, doc.Text, &f, l.diags)
		for i, a := range f.Ack {
			a.Src, a.Key = doc, "ack."+itoa(i)
		}
		l.h.Acks = f.Ack
	}
}

// dir calls fn for every file directly in folder, sorted, reporting
// sub-folders and files of the wrong kind. The files are read in parallel,
// each by a loader of its own (see parallel).
func (l *loader) dir(folder string, fn func(l *loader, p, id, ext string)) {
	if l.linkedFolder(folder) {
		return
	}
	entries, err := fs.ReadDir(l.fsys, folder)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.diags.Errorf(source.Pos{File: l.display(folder)}, "cannot read folder: %v", unwrapPath(err))
		}
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var jobs []func(*loader)
	for _, e := range entries {
		p := folder + "/" + e.Name()
		if hidden(e.Name()) {
			continue
		}
		if e.IsDir() {
			if !l.site(p) {
				l.diags.Warnf(source.Pos{File: l.display(p)}, "sub-folders of %s/ are not read: move the files up", folder)
			}
			continue
		}
		ext := path.Ext(e.Name())
		id := strings.TrimSuffix(e.Name(), ext)
		jobs = append(jobs, func(sub *loader) { fn(sub, p, id, ext) })
	}
	l.parallel(jobs)
}

// site reports a folder that holds a site accord wrote (its -o was inside
// the handbook): never sources, and never to be copied into another site.
func (l *loader) site(dir string) bool {
	_, err := fs.Stat(l.fsys, path.Join(dir, urls.Marker))
	return err == nil
}

// hidden reports editor and system files that are never sources.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".tmp")
}

// MaxIDLen bounds an id: the file names made from it (its page, the
// temporary file a page is written through) must fit the 255 bytes a file
// name may have, with room for what accord adds.
const MaxIDLen = 100

// reserved names the ids whose pages would take the place of a page the
// site makes itself, by the folder of their source.
var reserved = map[string]map[string]string{
	"roles": {
		"index":    "its page would replace roles/index.html, the list of roles",
		"handbook": "its printed booklet, print/handbook.html, would replace the whole handbook to print",
	},
	"workflows": {"index": "its page would replace workflows/index.html, the list of workflows"},
	"policies":  {"index": "its page would replace policies/index.html, the list of policies"},
}

// checkID reports a file name that cannot be an id: not of the id form,
// too long, or taken by a page of the site's own.
func (l *loader) checkID(p, id string) bool {
	pos := source.Pos{File: l.display(p), Line: 1, Col: 1}
	switch {
	case !model.ValidID(id):
		l.diags.Errorf(pos, "file name %q is not a valid id: use lower-case a-z, 0-9 and '-' (for example %q)", id, model.SuggestID(id))
	case len(id) > MaxIDLen:
		l.diags.Errorf(pos, "file name %q is %d characters long, more than the %d an id may have: shorten it", id, len(id), MaxIDLen)
	case reserved[path.Dir(p)][id] != "":
		l.diags.Errorf(pos, "the id %q is reserved here: %s; rename the file", id, reserved[path.Dir(p)][id])
	case path.Dir(p) == "roles" && strings.HasPrefix(id, urls.AcknowledgePrefix):
		l.diags.Errorf(pos, "a role id may not start with %q: its printed booklet would take the place of a version's sign-off sheet, print/%s<version>.html; rename the file", urls.AcknowledgePrefix, urls.AcknowledgePrefix)
	default:
		return true
	}
	return false
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
