package graph

import (
	"fmt"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// Widths in ems at which step names and RACI lines wrap. A step box holds
// more than a role box: it has three kinds of line.
const (
	stepNameEm = 10.5
	stepRACIEm = 12.5
)

// Workflow draws a workflow as a flow chart: one box per step, showing its
// name and "R: … / A: …", linked to the step's anchor on the workflow page;
// arrows follow next. Steps sit in swimlanes, one per accountable role, in
// the order the roles first appear. A next that goes back to an earlier step
// is drawn as a dashed edge that keeps the earlier step above (an edge from
// the earlier step with dir=back), so loops read as loops and do not turn the
// chart upside down; a step that repeats itself gets a self-loop. The Alt
// has one row per step: name, R, A, C, I, next.
func Workflow(h *model.Handbook, wf *model.Workflow, page string) (string, Alt) {
	l := LabelsFor(h.Meta.Language)
	w := newDOTWriter()
	w.open("digraph workflow")
	graphDefaults(w, "TB")
	// One global ranking across the lanes. Without it dot ranks each
	// cluster on its own, and the shipped order flow started mid-page
	// with customs declaration on top. (Cheap for a workflow's few dozen
	// steps; too slow for a large department graph.)
	w.defaults("graph", attrs{{"newrank", "true"}})

	names := make([]raci, len(wf.Steps))
	for i, s := range wf.Steps {
		names[i] = raci{l.joinRoles(h, s.Responsible), h.RoleName(s.Accountable), l.joinRoles(h, s.Consulted), l.joinRoles(h, s.Informed)}
	}
	pos := writeLanes(w, h, wf, page, l, names)

	alt := Alt{
		Title:  fmt.Sprintf(l.Workflow, wf.Name),
		Header: []string{l.Step, l.R, l.A, l.C, l.I, l.Next},
		Rows:   make([][]string, 0, len(wf.Steps)),
	}
	var next []string
	for i, s := range wf.Steps {
		next = next[:0]
		for j, t := range s.Next {
			p, ok := pos[t]
			if !ok || slices.Contains(s.Next[:j], t) {
				continue
			}
			ts := wf.Steps[p]
			next = append(next, ts.Name)
			flowEdge(w, s, ts, pos)
		}
		n := names[i]
		alt.Rows = append(alt.Rows, []string{s.Name, n.r, n.a, n.c, n.i, l.join(next)})
	}
	w.close()
	return w.done(), alt
}

// raci names a step's roles, as its box, its tooltip and the table show them.
type raci struct{ r, a, c, i string }

// writeLanes writes one cluster per accountable role, in the order the
// roles first appear, holding that role's steps; it returns the position
// in the workflow of the first step of each id.
func writeLanes(w *dotWriter, h *model.Handbook, wf *model.Workflow, page string, l Labels, names []raci) map[string]int {
	var lanes []string
	byLane := map[string][]int{}
	pos := make(map[string]int, len(wf.Steps))
	for i, s := range wf.Steps {
		if _, ok := pos[s.ID]; ok {
			continue // a duplicate id: validate reports it
		}
		pos[s.ID] = i
		if _, ok := byLane[s.Accountable]; !ok {
			lanes = append(lanes, s.Accountable)
		}
		byLane[s.Accountable] = append(byLane[s.Accountable], i)
	}
	for _, lane := range lanes {
		colour := laneColour(h, lane)
		if lane != "" {
			w.subgraph("cluster_lane_" + lane)
			name := h.RoleName(lane)
			w.set(attrs{
				{"class", "g-lane"},
				{"color", colour + "99"},
				{"fontcolor", "black"},
				{"label", name},
				{"labeljust", "l"},
				{"style", "rounded"},
				{"tooltip", name},
			})
		}
		for _, i := range byLane[lane] {
			s := wf.Steps[i]
			w.node(s.ID, stepAttrs(wf, s, names[i], page, colour))
		}
		if lane != "" {
			w.close()
		}
	}
	return pos
}

// flowEdge draws next from s to t: forward, back (kept upright with
// dir=back) or a self-loop.
func flowEdge(w *dotWriter, s, t *model.Step, pos map[string]int) {
	tip := s.Name + " → " + t.Name
	switch {
	case s.ID == t.ID:
		w.edge(s.ID, s.ID, attrs{{"class", "g-edge g-self"}, {"tooltip", tip}})
	case pos[t.ID] < pos[s.ID]:
		w.edge(t.ID, s.ID, attrs{{"class", "g-edge g-back"}, {"dir", "back"}, {"style", "dashed"}, {"tooltip", tip}})
	default:
		w.edge(s.ID, t.ID, attrs{{"class", "g-edge"}, {"tooltip", tip}})
	}
}

// stepAttrs draws a step: its name, then the R and A lines, in a box sized
// to the text, tinted in the accountable role's team colour.
func stepAttrs(wf *model.Workflow, s *model.Step, n raci, page, colour string) attrs {
	r := "R: " + n.r
	acc := "A: " + n.a
	lines := wrap(s.Name, stepNameEm)
	lines = append(lines, wrap(r, stepRACIEm)...)
	lines = append(lines, wrap(acc, stepRACIEm)...)

	tip := s.Name + "\n" + r + "\n" + acc
	if len(s.Consulted) > 0 {
		tip += "\nC: " + n.c
	}
	if len(s.Informed) > 0 {
		tip += "\nI: " + n.i
	}
	if s.Duration != "" {
		tip += "\n⏱ " + s.Duration
	}
	label, width, height := boxAttrs(lines)
	return attrs{
		{"URL", urls.Rel(page, urls.Step(wf.ID, s.ID))},
		{"class", "g-node g-step"},
		{"color", colour},
		{"fillcolor", colour + "26"},
		{"fontcolor", "black"},
		{"height", height},
		{"label", label},
		{"tooltip", tip},
		{"width", width},
	}
}

// laneColour is the team colour of the lane's role.
func laneColour(h *model.Handbook, role string) string {
	if r := h.RoleByID[role]; r != nil {
		return teamColour(teamIndex(h, r.Team))
	}
	return teamColour(-1)
}

// joinRoles lists the names of roles in the language's way.
func (l Labels) joinRoles(h *model.Handbook, ids []string) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return h.RoleName(ids[0])
	}
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteString(l.List)
		}
		b.WriteString(h.RoleName(id))
	}
	return b.String()
}
