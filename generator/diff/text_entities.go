package diff

import (
	"fmt"
	"strings"
)

func (p *textPrinter) roles(rs []RoleChange) {
	for _, r := range rs {
		p.entity(1, r.Change, named(r.Name, r.ID))
		p.fields(3, r.Fields)
		p.lists(3, r.Lists)
		for _, k := range r.KPIs {
			p.line(3, p.mark(k.Change, kindMark(k.Change)+" "+Label(p.lang, "kpi")+" "+k.Name+": "+p.kpi(k)))
		}
		p.paragraphs(3, "long_description", r.Description)
	}
}

// kpi shows a KPI's change: its values when added or removed, the fields
// that changed otherwise.
func (p *textPrinter) kpi(k KPIChange) string {
	if k.Change != Changed {
		return fmt.Sprintf("%s %s, %s %d%%", Label(p.lang, "target"), k.Target, Label(p.lang, "weight"), k.Weight)
	}
	var parts []string
	for _, f := range k.Fields {
		parts = append(parts, fieldLabel(p.lang, f.Field)+" "+p.paint(red, value(p.lang, f.Old))+" → "+p.paint(green, value(p.lang, f.New)))
	}
	return strings.Join(parts, "; ")
}

func (p *textPrinter) workflows(ws []WorkflowChange) {
	for _, w := range ws {
		p.entity(1, w.Change, named(w.Name, w.ID))
		p.fields(3, w.Fields)
		if w.Reordered {
			p.line(3, "~ "+Label(p.lang, "steps_reordered"))
			p.line(4, Label(p.lang, "old")+": "+strings.Join(w.OldOrder, ", "))
			p.line(4, Label(p.lang, "new")+": "+strings.Join(w.NewOrder, ", "))
		}
		for _, s := range w.Steps {
			p.entity(3, s.Change, Label(p.lang, "step")+" "+named(s.Name, s.ID))
			p.fields(5, s.Fields)
			p.lists(5, s.Lists)
		}
	}
}

// raci groups the changed cells by workflow and step, which is how a
// reader finds them in the matrices.
func (p *textPrinter) raci(cells []RACICell) {
	var wf, step string
	for _, c := range cells {
		if c.Workflow != wf {
			wf, step = c.Workflow, ""
			p.line(1, named(c.WorkflowName, c.Workflow))
		}
		if c.Step != step {
			step = c.Step
			p.line(2, Label(p.lang, "step")+" "+named(c.StepName, c.Step))
		}
		p.line(3, named(c.RoleName, c.Role)+": "+p.paint(red, value(p.lang, c.Old))+" → "+p.paint(green, value(p.lang, c.New)))
	}
}

func (p *textPrinter) responsibilities(rs []RoleResponsibilities) {
	for _, r := range rs {
		p.line(1, named(r.RoleName, r.Role))
		for _, a := range r.Gained {
			p.line(2, p.mark(Added, "+ "+a.Letter+" "+assignmentPlace(a)))
		}
		for _, a := range r.Lost {
			p.line(2, p.mark(Removed, "- "+a.Letter+" "+assignmentPlace(a)))
		}
	}
}
