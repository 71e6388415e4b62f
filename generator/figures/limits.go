package figures

import (
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// MaxGraphNodes bounds the graphs drawn. Graphviz's layout time grows much
// faster than the nodes: past a few hundred steps a workflow runs into the
// layout timeout and fails the whole build (bench/README.md). Beyond this
// a drawing is unreadable anyway: the page shows the steps and the RACI
// table without it, and check warns.
const MaxGraphNodes = 300

// tooManyRoles reports whether the department graph and the org chart
// would have too many nodes.
func tooManyRoles(h *model.Handbook) bool { return len(h.Roles) > MaxGraphNodes }

// Limits warns about every graph of h that will not be drawn, for the
// check.
func Limits(h *model.Handbook) *source.List {
	diags := &source.List{}
	if tooManyRoles(h) && h.Meta.Src != nil {
		diags.Warnf(h.Meta.Src.File(), "%d roles are too many to draw the department graph and the org chart (at most %d): the pages show them without", len(h.Roles), MaxGraphNodes)
	}
	for _, w := range h.Workflows {
		if len(w.Steps) > MaxGraphNodes && w.Src != nil {
			diags.Warnf(w.Src.Line(1), "%d steps are too many to draw (at most %d): the workflow's page lists them without its graph", len(w.Steps), MaxGraphNodes)
		}
	}
	return diags
}
