package generator

import (
	"fmt"

	"github.com/accord-handbook/accord/generator/diff"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/notice"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/versions"
)

// Diff is `accord diff OLD NEW`: it loads the two versions (each a folder
// or a git ref of the repository holding cwd, see versions.Open) and
// compares them. A version need not pass today's checks to be compared:
// its problems come back as warnings that name it, the old version's
// first. The error is for a version that cannot be read at all, or that
// holds nothing a handbook is made of; diags then has its problems as they
// are. With role, the change set is what concerns that role (see
// notice.ForRole); a role neither version has is an *ArgError.
func Diff(oldArg, newArg, cwd, role string) (c *diff.ChangeSet, diags *source.List, err error) {
	diags = &source.List{}
	old, err := diffSide(oldArg, cwd, diags)
	if err != nil {
		return nil, diags, err
	}
	new, err := diffSide(newArg, cwd, diags)
	if err != nil {
		return nil, diags, err
	}
	c = diff.Compare(old, new)
	c.Old.Name, c.New.Name = oldArg, newArg
	if role != "" {
		if new.RoleByID[role] == nil && old.RoleByID[role] == nil {
			return nil, diags, unknownRole(new, role, "")
		}
		c = notice.ForRole(c, old, new, role)
	}
	return c, diags, nil
}

// diffSide loads and validates one version, adding its problems to diags.
func diffSide(arg, cwd string, diags *source.List) (*model.Handbook, error) {
	fsys, name, close, err := versions.Open(arg, cwd)
	if err != nil {
		return nil, err
	}
	defer close()
	hb := loadStage(fsys, name, nil)
	hb.h.Acks = nil // the register of the version being compared is not compared
	if empty(hb.h) {
		nerr, nwarn := hb.diags.Count()
		msg := fmt.Sprintf("%s: nothing could be loaded (%d errors, %d warnings)", arg, nerr, nwarn)
		if len(hb.diags.Items) > 0 {
			msg += "; first: " + hb.diags.Items[0].String()
		}
		diags.Add(hb.diags)
		return nil, fmt.Errorf("%s", msg)
	}
	validateStage(hb, model.Date{})
	label := hb.h.Meta.Version
	if label == "" {
		label = arg
	}
	for _, d := range hb.diags.Items {
		d.Severity = source.Warning
		d.Msg = "version " + label + ": " + d.Msg
		diags.Items = append(diags.Items, d)
	}
	return hb.h, nil
}

// empty reports a handbook with nothing in it: no handbook.toml and no
// source of any kind, which is a wrong folder or ref, not an old version.
func empty(h *model.Handbook) bool {
	hasMeta := h.Meta.Src != nil && h.Meta.Src.Text != nil
	return !hasMeta && len(h.Teams) == 0 && len(h.Roles) == 0 && len(h.Workflows) == 0 &&
		len(h.Policies) == 0 && len(h.Pages) == 0 && len(h.Terms) == 0
}
