package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator/escape"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
	"github.com/accord-handbook/accord/generator/urls"
)

// The lists below repeat once per step or per assignment: a role in a large
// handbook has hundreds of assignments, a workflow page lists every step,
// and html/template pays for every action through reflect. They are written
// here in Go, escaped exactly as html/template escapes the same template
// (package escape; fast_test.go renders both and compares the bytes).

func esc(b *strings.Builder, s string) { escape.HTML(b, s) }

func escURL(b *strings.Builder, u string, norm bool) { escape.URL(b, u, norm) }

// AssignmentList is a role's assignments, workflow by workflow: a heading
// linking to the workflow, then each step with the role's letters.
func (p *Page) AssignmentList(as []raci.WorkflowAssignments) template.HTML {
	var b strings.Builder
	n := 0
	for _, wa := range as {
		n += 120 + 160*len(wa.Steps)
	}
	b.Grow(n)
	for _, wa := range as {
		wf := wa.Workflow
		b.WriteString("\n<h3><a href=\"")
		escURL(&b, p.WorkflowURL(wf.ID), true)
		b.WriteString(`">`)
		esc(&b, wf.Name)
		b.WriteString("</a></h3>\n<ul class=\"assignments\">")
		for _, s := range wa.Steps {
			b.WriteString(`<li><span class="letters `)
			esc(&b, letterClass(s.Letters))
			b.WriteString(`">`)
			esc(&b, s.Letters)
			b.WriteString(`</span> <a href="`)
			escURL(&b, p.StepURL(wf.ID, s.Step.ID), true)
			b.WriteString(`">`)
			esc(&b, s.Step.Name)
			b.WriteString(`</a></li>`)
		}
		b.WriteString("\n</ul>")
	}
	return template.HTML(b.String())
}

// StepList is the steps of a workflow, each with its RACI, outputs,
// duration and next steps.
func (p *Page) StepList(w *model.Workflow) template.HTML {
	var b strings.Builder
	b.Grow(1024 * len(w.Steps))
	sep := p.Sep()
	roles := func(ids []string) {
		for i, id := range ids {
			if i > 0 {
				esc(&b, sep)
			}
			p.roleLink(&b, id)
		}
	}
	// optional writes the C or I row, present only when a role holds it.
	optional := func(class, label string, ids []string) {
		if len(ids) == 0 {
			return
		}
		b.WriteString(`<dt class="`)
		b.WriteString(class)
		b.WriteString(`">`)
		esc(&b, p.Tr(label))
		b.WriteString("</dt><dd>")
		roles(ids)
		b.WriteString("</dd>")
	}
	for _, s := range w.Steps {
		b.WriteString("\n<li id=\"")
		esc(&b, urls.StepID(s.ID))
		b.WriteString("\" class=\"step\">\n  <h3>")
		esc(&b, s.Name)
		if s.Approval {
			b.WriteString(` <span class="badge approval">`)
			esc(&b, p.Tr("approvalStep"))
			b.WriteString(`</span>`)
		}
		b.WriteString("</h3>\n  <dl class=\"raci-list\">\n    <dt class=\"raci-r\">")
		esc(&b, p.Tr("responsible"))
		b.WriteString("</dt><dd>")
		roles(s.Responsible)
		b.WriteString("</dd>\n    <dt class=\"raci-a\">")
		esc(&b, p.Tr("accountable"))
		b.WriteString("</dt><dd>")
		p.roleLink(&b, s.Accountable)
		b.WriteString("</dd>")
		optional("raci-c", "consulted", s.Consulted)
		optional("raci-i", "informed", s.Informed)
		if len(s.Outputs) > 0 {
			b.WriteString("<dt>")
			esc(&b, p.Tr("outputs"))
			b.WriteString("</dt><dd>")
			esc(&b, strings.Join(s.Outputs, sep))
			b.WriteString("</dd>")
		}
		if d := formatDuration(s.Dur, p.T); d != "" {
			b.WriteString("<dt>")
			esc(&b, p.Tr("duration"))
			b.WriteString("</dt><dd>")
			esc(&b, d)
			b.WriteString("</dd>")
		}
		b.WriteString("\n    <dt>")
		esc(&b, p.Tr("next"))
		b.WriteString("</dt><dd>")
		if len(s.Next) == 0 {
			esc(&b, p.Tr("end"))
		}
		for i, n := range s.Next {
			if i > 0 {
				esc(&b, sep)
			}
			b.WriteString(`<a href="#`)
			escURL(&b, urls.StepID(n), false)
			b.WriteString(`">`)
			if next := w.StepByID(n); next != nil {
				esc(&b, next.Name)
			} else {
				esc(&b, n)
			}
			b.WriteString("</a>")
		}
		b.WriteString("</dd>\n  </dl>\n</li>")
	}
	return template.HTML(b.String())
}

func (p *Page) roleLink(b *strings.Builder, id string) {
	b.WriteString(`<a href="`)
	escURL(b, p.Rel(urls.Role(id)), true)
	b.WriteString(`">`)
	esc(b, p.RoleName(id))
	b.WriteString("</a>")
}

// PolicyLinks is one list item linking to each policy: a policy that
// applies to everyone is listed on every role's page.
func (p *Page) PolicyLinks(ps []*model.Policy) template.HTML {
	var b strings.Builder
	b.Grow(100 * len(ps))
	for _, pol := range ps {
		b.WriteString(`<li><a href="`)
		escURL(&b, p.PolicyURL(pol.ID), true)
		b.WriteString(`">`)
		esc(&b, pol.Title)
		b.WriteString("</a></li>")
	}
	return template.HTML(b.String())
}

// ReadingList is the items of an onboarding checklist.
func (p *Page) ReadingList(items []ReadingItem) template.HTML {
	var b strings.Builder
	b.Grow(160 * len(items))
	for _, it := range items {
		b.WriteString("\n<li><label><input type=\"checkbox\" data-item=\"")
		esc(&b, it.Key)
		b.WriteString(`"> <a href="`)
		escURL(&b, p.Rel(it.URL), true)
		b.WriteString(`">`)
		esc(&b, p.SourceTitle(it.Key))
		b.WriteString(`</a></label> <span class="muted">`)
		b.WriteString(strconv.Itoa(it.Minutes))
		b.WriteByte(' ')
		esc(&b, p.Tr("min"))
		b.WriteString("</span></li>")
	}
	return template.HTML(b.String())
}

// MatrixHead is the role cells of a RACI matrix's header row.
func (p *Page) MatrixHead(m raci.Matrix) template.HTML {
	var b strings.Builder
	b.Grow(120 * len(m.Roles))
	for _, r := range m.Roles {
		b.WriteString(`<th scope="col"><a href="`)
		escURL(&b, p.RoleURL(r.ID), true)
		b.WriteString(`">`)
		esc(&b, r.Name)
		b.WriteString("</a></th>")
	}
	return template.HTML(b.String())
}

// MatrixRows is the body rows of a workflow's RACI matrix, each step
// linking to itself on the page.
func (p *Page) MatrixRows(m raci.Matrix) template.HTML {
	var b strings.Builder
	b.Grow(len(m.Rows) * (100 + 30*len(m.Roles)))
	for _, row := range m.Rows {
		b.WriteString("\n<tr><th scope=\"row\"><a href=\"#")
		escURL(&b, urls.StepID(row.Step.ID), false)
		b.WriteString(`">`)
		esc(&b, row.Step.Name)
		b.WriteString("</a></th>")
		b.WriteString(string(cells(row.Cells)))
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}

// NeighbourList is the roles a role works with, each with the number of
// steps they share.
func (p *Page) NeighbourList(ns []raci.Neighbour) template.HTML {
	var b strings.Builder
	b.Grow(140 * len(ns))
	for _, n := range ns {
		b.WriteString(`<li><a href="`)
		escURL(&b, p.RoleURL(n.Role.ID), true)
		b.WriteString(`">`)
		esc(&b, n.Role.Name)
		b.WriteString(`</a> <span class="muted">`)
		esc(&b, p.Count(n.Steps, "sharedSteps"))
		b.WriteString("</span></li>")
	}
	return template.HTML(b.String())
}
