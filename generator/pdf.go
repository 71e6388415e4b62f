package generator

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/accord-handbook/accord/generator/chromium"
	"github.com/accord-handbook/accord/generator/i18n"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/pdf"
	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/suggest"
	"github.com/accord-handbook/accord/generator/urls"
)

// PDFOptions configure PDF: the handbook, and which of its print pages.
type PDFOptions struct {
	Options
	// Role is the role whose booklet is printed (its page and its reading
	// list); "" prints the whole handbook.
	Role string
	// Version is the number of an earlier version ([versions]) to print;
	// "" prints the current one.
	Version string
	// Timeout bounds the printing, Chromium's part; zero is
	// DefaultPDFTimeout.
	Timeout time.Duration
}

// DefaultPDFTimeout is long enough for Chromium to lay out the whole
// handbook on a slow shared machine, and short enough that a stuck
// browser does not hold a CI job.
const DefaultPDFTimeout = 3 * time.Minute

// ArgError is a value given on the command line that the handbook has no
// use for: a role or version it does not have, the whole of a handbook
// too large to print at once.
type ArgError struct{ Msg string }

func (e *ArgError) Error() string { return e.Msg }

// PDF is accord pdf: it compiles the handbook in memory (as Compile) and
// prints one of its print pages — print/handbook.html, or the role's
// booklet print/<role>.html, of the current version or under v/<version>/
// — to PDF through headless Chromium (package pdf). Every sheet carries
// the handbook's title, version and effective date, its number and the
// number of sheets, and "uncontrolled when printed" with the as-of date.
//
// The diagnostics, warnings included, are in the returned Checked (nil
// when Chromium is missing: nothing was loaded). The error is a
// *source.ListError when the handbook has errors, a
// *chromium.MissingError without Chromium, an *ArgError for a role,
// version or page the handbook does not have.
func PDF(ctx context.Context, opts PDFOptions) ([]byte, *Checked, error) {
	exe, err := chromium.Find()
	if err != nil {
		return nil, nil, err
	}
	opts.AsOf = opts.asOf()
	files, hb, hs, err := compile(ctx, opts.Options)
	if err != nil {
		return nil, hb.checked(), err
	}
	doc, err := printDocument(hb, hs, opts)
	if err != nil {
		return nil, hb.checked(), err
	}
	site := make(map[string][]byte, len(files))
	for _, f := range files {
		site[f.Path] = f.Data
	}
	if _, ok := site[doc.page]; !ok {
		return nil, hb.checked(), tooLarge(doc.h)
	}
	meta := doc.h.Meta
	if err := pdf.CheckFonts(ctx, meta.Language); err != nil {
		return nil, hb.checked(), err
	}
	t := i18n.Strings(meta.Language, meta.Labels)
	head := []string{meta.Title}
	if meta.Version != "" {
		head = append(head, t["version"]+" "+meta.Version)
	}
	if !meta.EffectiveDate.IsZero() {
		head = append(head, t["effective"]+" "+meta.EffectiveDate.String())
	}
	name, title := t["printAll"], meta.Title
	if doc.role != nil {
		name = fmt.Sprintf(t["booklet"], doc.role.Name)
		title = name + " · " + meta.Title
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultPDFTimeout
	}
	out, err := pdf.Print(ctx, pdf.Job{
		Files: site, Page: doc.page, Lang: meta.Language,
		Title:       title,
		Header:      [2]string{strings.Join(head, " · "), name},
		Footer:      fmt.Sprintf(t["uncontrolled"], opts.AsOf.String()),
		PageNumbers: t["pageOf"],
		Date:        opts.AsOf.Time,
		Chromium:    exe,
		Timeout:     timeout,
	})
	return out, hb.checked(), err
}

// printed is the print page PDF prints, and what it is of.
type printed struct {
	page string
	h    *model.Handbook // the version printed, drafts left out
	role *model.Role     // nil: the whole handbook
}

// printDocument finds the page opts asks for in the site of hb and hs.
func printDocument(hb *handbook, hs *history, opts PDFOptions) (printed, error) {
	doc := printed{h: hb.h.Published()}
	prefix := ""
	if opts.Version != "" {
		v, err := findVersion(hb.h, hs, opts.Version)
		if err != nil {
			return doc, err
		}
		if v != hs.current() {
			prefix = render.VersionDir(v.Slug)
			doc.h = v.Handbook
		}
	}
	if opts.Role == "" {
		doc.page = prefix + urls.PrintAll
		return doc, nil
	}
	doc.role = doc.h.RoleByID[opts.Role]
	if doc.role == nil {
		if r := hb.h.RoleByID[opts.Role]; r != nil && r.Draft && prefix == "" {
			return doc, &ArgError{fmt.Sprintf("--role %s: the role is a draft (draft = true in %s): drafts are not published, nor printed", r.ID, r.Src.Name)}
		}
		return doc, unknownRole(doc.h, opts.Role, opts.Version)
	}
	doc.page = prefix + urls.PrintRole(opts.Role)
	return doc, nil
}

// current is the current version, the last of the list; nil without
// versions.
func (hs *history) current() *render.Version {
	if hs == nil {
		return nil
	}
	return hs.list[len(hs.list)-1]
}

// findVersion returns the version numbered v: nil for the current version
// of a handbook without [versions].
func findVersion(h *model.Handbook, hs *history, v string) (*render.Version, error) {
	if hs == nil {
		if v == h.Meta.Version {
			return nil, nil
		}
		return nil, &ArgError{fmt.Sprintf("--version %s: this handbook is version %s and keeps no earlier versions ([versions] in handbook.toml names none)", v, h.Meta.Version)}
	}
	var numbers []string
	for _, x := range hs.list {
		if x.Number == v || x.Slug == v {
			return x, nil
		}
		numbers = append(numbers, x.Number)
	}
	msg := fmt.Sprintf("--version %s: the handbook has no such version", v)
	if near := suggest.Closest(v, numbers); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return nil, &ArgError{msg + "; its versions: " + strings.Join(numbers, ", ")}
}

// unknownRole says that h, the version printed (version, or "" for the
// current one), has no role id.
func unknownRole(h *model.Handbook, id, version string) error {
	ids := make([]string, 0, len(h.Roles))
	for _, r := range h.Roles {
		ids = append(ids, r.ID)
	}
	msg := fmt.Sprintf("--role %s: the handbook has no such role", id)
	if version != "" {
		msg = fmt.Sprintf("--role %s: version %s has no such role", id, version)
	}
	if near := suggest.Closest(id, ids); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return &ArgError{msg + "; its roles: " + listSome(ids)}
}

// tooLarge says that the site of h has no whole-handbook print page.
func tooLarge(h *model.Handbook) error {
	ids := make([]string, 0, len(h.Roles))
	for _, r := range h.Roles {
		ids = append(ids, r.ID)
	}
	n := len(h.Roles) + len(h.Workflows) + len(h.Policies) + len(h.Pages)
	return &ArgError{fmt.Sprintf("the handbook has %d roles, workflows, policies and pages: too many to print as one document; print one role's booklet with --role ROLE (%s)", n, listSome(ids))}
}

// listSome lists ids, the first ten of them when there are more.
func listSome(ids []string) string {
	if len(ids) > 10 {
		return strings.Join(ids[:10], ", ") + fmt.Sprintf(", … %d in all", len(ids))
	}
	return strings.Join(ids, ", ")
}
