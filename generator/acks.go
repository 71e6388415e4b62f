package generator

import (
	"context"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/notice"
	"github.com/accord-handbook/accord/generator/render"
)

// Acknowledgements is `accord review --acks`: who must acknowledge
// version (the current one when ""), as of opts' date, and who has. It
// checks the handbook as a build does and reads every earlier version,
// since a version's re-read lists come from its change set against the
// version before it — the one the site's change pages show.
//
// The error is a *source.ListError when the handbook has errors and an
// *ArgError for a version the handbook does not publish.
func Acknowledgements(ctx context.Context, opts Options, version string) (*notice.Report, *Checked, error) {
	src := opts.open()
	defer src.close()
	opts.AsOf = opts.asOf()
	hb := validateStage(loadStage(src.fsys, opts.name(), opts.Markdown), opts.AsOf)
	if err := hb.linksStage(nil, nil); err != nil {
		return nil, hb.checked(), err
	}
	hs, err := versionsStage(ctx, opts, hb)
	if err != nil {
		return nil, hb.checked(), err
	}
	h := hb.h
	v := &render.Version{Number: h.Meta.Version, Date: h.Meta.EffectiveDate.String(), Handbook: h}
	if version != "" {
		found, err := findVersion(h, hs, version)
		if err != nil {
			return nil, hb.checked(), err
		}
		if found != nil {
			v = found
		}
	} else if c := hs.current(); c != nil {
		v = c
	}
	date, _ := model.ParseDate(v.Date)
	rep := &notice.Report{Title: h.Meta.Title, Version: v.Number, Effective: date, AsOf: opts.AsOf,
		First: v.Changes == nil, RoleName: h.RoleName}
	if v.Changes != nil {
		rep.Entries = notice.Due(notice.Version{Number: v.Number, Effective: date, Lists: v.ReRead}, h.People, h.Acks, opts.AsOf)
	}
	return rep, hb.checked(), nil
}
