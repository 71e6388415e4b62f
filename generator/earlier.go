package generator

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/gitfs"
	"github.com/accord-handbook/accord/generator/links"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/notice"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/versions"
)

// Earlier keeps the earlier versions of a versioned handbook between the
// builds of a session (Options.Earlier): reading and checking them costs
// several times what checking the current sources does, and they change
// far less often. They are read again when what they were read for
// changed — the [versions] table, raw_html, drafts, for git_tags the tags
// and the objects they name (gitfs.TagIDs, one git process a build) — or
// when Changed says that files of a version folder changed. Only the
// current version's change set, re-read lists and pages are made on every
// build, its change set through a diff.Memo. An Earlier is for one
// session: its builds run one at a time.
type Earlier struct {
	// Watch, when set, is called with the folders of the earlier
	// versions, absolute, before they are read: a session watches those
	// outside the handbook folder from then on, so that no change made
	// while they are read goes unseen.
	Watch func(folders []string)

	mu      sync.Mutex
	key     string
	found   *versions.Found
	folders []string // of the versions read, absolute
	stale   bool
	memo    *diff.Memo
	// What the render needs of the versions last published, kept while
	// Arrange publishes the same ones: each with its changes against the
	// one before, its sources, and its links (drafts included).
	kept    []*versions.Version
	list    []*render.Version
	sources []fs.FS
	links   []*links.Table
}

// NewEarlier returns an Earlier that has read nothing yet.
func NewEarlier() *Earlier { return &Earlier{memo: diff.NewMemo()} }

// Changed tells e that files changed: paths, or, when all is set, any
// file (the watcher lost events). A version read from a folder that
// holds, is or lies in one of them is read again by the next build.
func (e *Earlier) Changed(paths []string, all bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if all {
		e.stale = true
		return
	}
	for _, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			e.stale = true
			return
		}
		for _, f := range e.folders {
			if within(a, f) || within(f, a) {
				e.stale = true
				return
			}
		}
	}
}

// within reports whether path p is folder dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// read returns the earlier versions of the handbook hb, read now or kept
// from a build before.
func (e *Earlier) read(opts Options, hb *handbook) *versions.Found {
	meta := hb.h.Meta
	key := e.keyOf(opts, hb)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.found != nil && !e.stale && key == e.key {
		return e.found
	}
	folders := make([]string, 0, len(meta.Versions.Folders))
	for _, f := range meta.Versions.Folders {
		p := filepath.FromSlash(f)
		if !filepath.IsAbs(p) {
			p = filepath.Join(opts.Dir, p)
		}
		if a, err := filepath.Abs(p); err == nil {
			folders = append(folders, a)
		}
	}
	if e.Watch != nil {
		e.Watch(folders)
	}
	rawHTML := meta.Markdown.RawHTML
	found := versions.Read(versions.Options{Dir: opts.Dir, Name: hb.name, Meta: meta},
		func(fsys fs.FS, name string) (*model.Handbook, *source.List, *source.List) {
			v := checkFS(fsys, name)
			unsafe := load.CheckAssets(fsys, name, v.h, rawHTML)
			return v.h, without(v.diags, unsafe), unsafe
		})
	// A mistake in [versions] (a folder not there yet) is looked at
	// again by every build.
	e.found, e.key, e.folders, e.kept, e.stale = found, key, folders, nil, found.HasErrors()
	return found
}

// keyOf says what the earlier versions are read for: when it changes,
// they are read again. It holds where [versions]'s values are in
// handbook.toml, which the problems of [versions] name.
func (e *Earlier) keyOf(opts Options, hb *handbook) string {
	m := hb.h.Meta
	var b strings.Builder
	abs, _ := filepath.Abs(opts.Dir)
	for _, s := range []string{abs, hb.name, boolWord(m.Markdown.RawHTML), boolWord(opts.Drafts)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	if p := m.Versions.GitTags; p != "" {
		b.WriteString(p + "\x00" + m.Src.Value("versions.git_tags", p).String() + "\x00")
		ids, err := gitfs.TagIDs(opts.Dir, p)
		if err != nil {
			ids = err.Error()
		}
		b.WriteString(ids)
	}
	for _, f := range m.Versions.Folders {
		b.WriteString("\x00" + f + "\x00" + m.Src.Value("versions.folders", f).String())
	}
	return b.String()
}

func boolWord(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// arranged returns the history of the earlier versions in kept, each
// compared with the one before it: kept from the build before when it
// published the same versions, in the same order.
func (e *Earlier) arranged(kept []*versions.Version, drafts bool) *history {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.list == nil || !slices.Equal(kept, e.kept) {
		e.kept, e.list, e.sources, e.links = kept, nil, nil, nil
		for i, v := range kept {
			h := v.Handbook
			if !drafts {
				h = h.Published()
			}
			rv := &render.Version{Number: v.Number, Slug: versions.Slug(v.Number), Date: v.Date.String(), Label: v.Label, Handbook: h}
			if i > 0 {
				e.changes(e.list[i-1], rv)
			}
			e.list = append(e.list, rv)
			e.sources = append(e.sources, v.FS)
			e.links = append(e.links, links.NewTable(v.Handbook))
		}
	}
	return &history{list: slices.Clip(e.list), sources: e.sources, links: e.links}
}

// changes sets what changed in v since old, the version before it.
func (e *Earlier) changes(old, v *render.Version) {
	v.Changes = e.memo.Compare(old.Handbook, v.Handbook)
	v.Changes.Old.Name, v.Changes.New.Name = old.Number, v.Number
	v.ReRead = notice.ReRead(v.Changes, v.Handbook)
}
