// Package versions finds the earlier versions of a handbook that the
// [versions] table of its handbook.toml names, and loads each one once.
//
// In: the handbook folder on disk and its Meta. [versions] git_tags = "v*"
// makes every matching tag of the git repository holding the folder an
// earlier version: the handbook's sub-folder at that tag is read with gitfs,
// without a checkout. [versions] folders = ["../archive/1.0"] names folders
// of earlier sources, relative to the handbook folder.
//
// Out: the versions, oldest first, each with its number (the version in its
// own handbook.toml), effective date and loaded handbook, and diagnostics.
// Problems of [versions] itself are errors at the key; everything wrong
// inside an earlier version is a warning that names the version, because an
// old version is published as it was even when today's rules reject it. A
// version with the current version's number is left out (the current
// sources are that version), and of two versions with one number the newer
// is kept.
package versions

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/gitfs"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Version is one earlier version of the handbook.
type Version struct {
	Label    string // where it comes from, as configured: the tag or the folder
	Name     string // prefix of its file names in messages: "v1.0:content", "archive/1.0"
	Number   string // the version in its handbook.toml
	Date     model.Date
	FS       fs.FS // its sources
	Handbook *model.Handbook

	unsafe *source.List // errors, if it is published

	time  time.Time // commit time of a tag; zero for a folder
	order int       // position in the configuration, the last tie-breaker
}

// CheckFunc loads and checks the handbook in fsys, naming files with the
// prefix name, as the current handbook is checked. It returns its problems
// and, apart, what would put script on the site if it were published: the
// first are warnings of an earlier version, the second stay errors.
type CheckFunc func(fsys fs.FS, name string) (h *model.Handbook, problems, unsafe *source.List)

// Options say where the handbook is.
type Options struct {
	Dir  string     // the handbook folder on disk
	Name string     // how Dir is shown in messages ("content")
	Meta model.Meta // the current handbook.toml
	// Current is the current handbook, to tell a tag of the current
	// version (left out quietly) from other sources under its number.
	Current *model.Handbook
}

// Configured reports whether [versions] names any earlier version.
func Configured(m model.Meta) bool { return m.Versions.Any() }

// Check reports the problems of [versions] itself, at the key: a tag
// pattern that is not a valid glob or a handbook outside any git
// repository, a folder that does not exist. It reads no version.
func Check(opts Options) *source.List {
	diags := &source.List{}
	m := opts.Meta
	if m.Src == nil || m.Src.Text == nil {
		return diags
	}
	if p := m.Versions.GitTags; p != "" {
		pos := m.Src.Value("versions.git_tags", p)
		if _, err := path.Match(p, ""); err != nil || strings.HasPrefix(p, "-") {
			diags.Errorf(pos, `[versions] git_tags: %q is not a valid glob pattern (for example "v*")`, p)
		} else if _, _, err := gitfs.Resolve(opts.Dir); err != nil {
			diags.Errorf(pos, "[versions] git_tags: cannot read tags: %v", err)
		}
	}
	seen := map[string]bool{}
	for _, f := range m.Versions.Folders {
		pos := m.Src.Value("versions.folders", f)
		switch st, err := os.Stat(folderPath(opts.Dir, f)); {
		case strings.TrimSpace(f) == "":
			diags.Errorf(pos, "[versions] folders: an empty folder name")
		case seen[f]:
			diags.Warnf(pos, "[versions] folders: %q is listed twice", f)
		case err != nil:
			diags.Errorf(pos, "[versions] folders: %q does not exist (folders are relative to the handbook folder)", f)
		case !st.IsDir():
			diags.Errorf(pos, "[versions] folders: %q is not a folder", f)
		}
		seen[f] = true
	}
	return diags
}

// folderPath is a configured folder on disk: relative to the handbook.
func folderPath(dir, f string) string {
	p := filepath.FromSlash(f)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// Load finds, loads and checks every earlier version, and arranges them
// (Read, then Arrange). When [versions] has errors (see Check) they are
// returned and nothing is loaded.
func Load(opts Options, check CheckFunc) ([]*Version, *source.List) {
	return Read(opts, check).Arrange(opts)
}

// Found is every earlier version that [versions] names, loaded and
// checked, before Arrange picks those to publish. Nothing changes it, so
// an edit session reads the versions once and arranges them against each
// save of the current sources.
type Found struct {
	versions []*Version
	diags    *source.List
}

// Read finds, loads and checks every earlier version. When [versions] has
// errors (see Check) they are its diagnostics and nothing is loaded.
func Read(opts Options, check CheckFunc) *Found {
	diags := Check(opts)
	if diags.HasErrors() || !Configured(opts.Meta) {
		return &Found{diags: diags}
	}
	var found []*Version
	found = append(found, fromTags(opts, check, diags)...)
	found = append(found, fromFolders(opts, check, diags)...)
	for i, v := range found {
		v.order = i
	}
	return &Found{versions: found, diags: diags}
}

// HasErrors reports whether [versions] itself has errors, a folder that
// does not exist or tags that cannot be read: then not every version it
// names was read.
func (f *Found) HasErrors() bool { return f.diags.HasErrors() }

// Arrange returns the versions to publish, oldest first, and the
// problems of reading them and of choosing: opts.Current and its number
// decide which version is the current one's, left out. opts must say
// what it said to Read but for Current.
func (f *Found) Arrange(opts Options) ([]*Version, *source.List) {
	diags := &source.List{}
	diags.Add(f.diags)
	if diags.HasErrors() {
		return nil, diags
	}
	kept := arrange(opts, f.versions, diags)
	for _, v := range kept {
		diags.Add(v.unsafe)
	}
	diags.Sort()
	return kept, diags
}

// fromTags reads the handbook at every tag that matches git_tags.
func fromTags(opts Options, check CheckFunc, diags *source.List) []*Version {
	m := opts.Meta
	pattern := m.Versions.GitTags
	if pattern == "" {
		return nil
	}
	pos := m.Src.Value("versions.git_tags", pattern)
	repo, sub, err := gitfs.Resolve(opts.Dir)
	if err != nil {
		diags.Errorf(pos, "[versions] git_tags: cannot read tags: %v", err)
		return nil
	}
	tags, err := gitfs.Tags(repo, pattern)
	if err != nil {
		diags.Errorf(pos, "[versions] git_tags: %v", err)
		return nil
	}
	if len(tags) == 0 {
		diags.Warnf(pos, "[versions] git_tags: no tag matches %q yet", pattern)
	}
	var out []*Version
	for _, tag := range tags {
		fsys, err := gitfs.Open(repo, tag, sub)
		if err != nil {
			diags.Warnf(pos, "[versions] git_tags: tag %s is left out: %v", tag, err)
			continue
		}
		v := &Version{Label: tag, Name: tag + ":" + sub, FS: fsys}
		if g, ok := fsys.(*gitfs.FS); ok {
			v.time = g.Time
		}
		out = append(out, v)
	}
	for _, v := range out {
		loadVersion(v, check, diags)
	}
	return out
}

// fromFolders reads every configured folder.
func fromFolders(opts Options, check CheckFunc, diags *source.List) []*Version {
	var out []*Version
	seen := map[string]bool{}
	for _, f := range opts.Meta.Versions.Folders {
		if seen[f] {
			continue
		}
		seen[f] = true
		name := filepath.ToSlash(f)
		if !filepath.IsAbs(filepath.FromSlash(f)) {
			name = path.Join(displayDir(opts), name)
		}
		v := &Version{Label: f, Name: name, FS: os.DirFS(folderPath(opts.Dir, f))}
		loadVersion(v, check, diags)
		out = append(out, v)
	}
	return out
}

func displayDir(opts Options) string {
	if opts.Name != "" {
		return opts.Name
	}
	return filepath.ToSlash(opts.Dir)
}

// load checks one version and keeps its problems as warnings naming it,
// and what would put script on the site as errors naming it, for Load to
// report if the version is published.
func loadVersion(v *Version, check CheckFunc, diags *source.List) {
	h, problems, unsafe := check(v.FS, v.Name)
	v.Handbook = h
	v.Number = strings.TrimSpace(h.Meta.Version)
	v.Date = h.Meta.EffectiveDate
	label := v.Number
	if label == "" {
		label = v.Label
	}
	for _, d := range problems.Items {
		d.Severity = source.Warning
		d.Msg = "version " + label + ": " + d.Msg
		diags.Items = append(diags.Items, d)
	}
	v.unsafe = &source.List{}
	for _, d := range unsafe.Items {
		d.Msg = "version " + label + ": " + d.Msg
		v.unsafe.Items = append(v.unsafe.Items, d)
	}
}

// arrange drops what cannot be published, keeps the newest of versions
// that share a number, and sorts the rest oldest first.
func arrange(opts Options, found []*Version, diags *source.List) []*Version {
	m := opts.Meta
	current := Slug(m.Version)
	groups := map[string][]*Version{}
	var keys []string
	for _, v := range found {
		switch {
		case v.Number == "":
			diags.Warnf(origin(m, v), "[versions]: %s is left out: its handbook.toml has no version", v.Label)
			continue
		case Slug(v.Number) == current:
			// The current sources are this version and are published at the
			// root. Tagging a review and building is the normal case; only
			// a different text under the same number is worth a word.
			if opts.Current != nil && !diff.Compare(v.Handbook, opts.Current).Empty() {
				diags.Warnf(origin(m, v), "[versions]: %s is left out: it has version %s, the number of the current sources, which differ from it (raise version in handbook.toml when the agreement changes)", v.Label, v.Number)
			}
			continue
		}
		key := Slug(v.Number)
		if groups[key] == nil {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], v)
	}
	var kept []*Version
	for _, key := range keys {
		vs := groups[key]
		newest := vs[0]
		for _, v := range vs[1:] {
			if newerThan(v, newest) {
				newest = v
			}
		}
		for _, v := range vs {
			if v != newest {
				diags.Warnf(origin(m, v), "[versions]: %s and %s both have version %s: %s is left out, the newer %s is published", v.Label, newest.Label, v.Number, v.Label, newest.Label)
			}
		}
		kept = append(kept, newest)
	}
	slices.SortStableFunc(kept, func(a, b *Version) int {
		switch {
		case newerThan(a, b):
			return 1
		case newerThan(b, a):
			return -1
		}
		return 0
	})
	return kept
}

// newerThan orders versions: by effective date, then by version number
// (2.10 after 2.9), then by commit time, then as configured.
func newerThan(a, b *Version) bool {
	if !a.Date.Equal(b.Date.Time) {
		return a.Date.After(b.Date.Time)
	}
	if c := CompareNumbers(a.Number, b.Number); c != 0 {
		return c > 0
	}
	if !a.time.Equal(b.time) {
		return a.time.After(b.time)
	}
	return a.order > b.order
}

// origin is where a version is configured in handbook.toml.
func origin(m model.Meta, v *Version) source.Pos {
	if slices.Contains(m.Versions.Folders, v.Label) {
		return m.Src.Value("versions.folders", v.Label)
	}
	return m.Src.Value("versions.git_tags", m.Versions.GitTags)
}

// Slug is a version number as a folder name of the site: letters, digits,
// '.', '-' and '_' are kept, anything else becomes '-' ("2.0 draft" ->
// "2.0-draft").
func Slug(number string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '-'
	}, strings.TrimSpace(number))
	if strings.Trim(s, ".") == "" {
		return strings.Repeat("-", len(s)) // never "." or ".."
	}
	return s
}

// CompareNumbers compares version numbers piece by piece, numbers as
// numbers: 1.9 < 1.10 < 2.0.
func CompareNumbers(a, b string) int {
	pa, pb := pieces(a), pieces(b)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, y := pa[i], pb[i]
		xd, yd := isDigits(x), isDigits(y)
		switch {
		case xd && yd:
			x, y = strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
			if len(x) != len(y) {
				return len(x) - len(y)
			}
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
		default:
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
		}
	}
	return len(pa) - len(pb)
}

// pieces splits a version number into runs of digits and of other text.
func pieces(s string) []string {
	var out []string
	start := 0
	for i := 1; i <= len(s); i++ {
		if i == len(s) || isDigit(s[i]) != isDigit(s[i-1]) {
			out = append(out, s[start:i])
			start = i
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
