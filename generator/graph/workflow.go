package graph

import (
	"fmt"
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
	// steps; it is what made a 200-role department graph take 20 s.)
	w.defaults("graph", attrs{{"newrank", "true"}})

	pos := writeLanes(w, h, wf, page, l)

	alt := Alt{
		Title:  fmt.Sprintf(l.Workflow, wf.Name),
		Header: []string{l.Step, l.R, l.A, l.C, l.I, l.Next},
	}
	for _, s := range wf.Steps {
		var next []string
		for _, t := range dedupe(s.Next) {
			ts := wf.StepByID(t)
			if ts == nil {
				continue
			}
			next = append(next, ts.Name)
			flowEdge(w, s, ts, pos)
		}
		alt.Rows = append(alt.Rows, []string{
			s.Name, l.join(roleNames(h, s.Responsible)), h.RoleName(s.Accountable),
			l.join(roleNames(h, s.Consulted)), l.join(roleNames(h, s.Informed)), l.join(next),
		})
	}
	w.close()
	return w.done(), alt
}

// writeLanes writes one cluster per accountable role, in the order the
// roles first appear, holding that role's steps; it returns each step's
// position in the workflow.
func writeLanes(w *dotWriter, h *model.Handbook, wf *model.Workflow, page string, l Labels) map[string]int {
	var lanes []string
	byLane := map[string][]*model.Step{}
	pos := map[string]int{}
	for i, s := range wf.Steps {
		if _, ok := pos[s.ID]; ok {
			continue // a duplicate id: validate reports it
		}
		pos[s.ID] = i
		if _, ok := byLane[s.Accountable]; !ok {
			lanes = append(lanes, s.Accountable)
		}
		byLane[s.Accountable] = append(byLane[s.Accountable], s)
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
		for _, s := range byLane[lane] {
			w.node(s.ID, stepAttrs(h, wf, s, page, colour, l))
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
func stepAttrs(h *model.Handbook, wf *model.Workflow, s *model.Step, page, colour string, l Labels) attrs {
	r := "R: " + l.join(roleNames(h, s.Responsible))
	acc := "A: " + h.RoleName(s.Accountable)
	lines := wrap(s.Name, stepNameEm)
	lines = append(lines, wrap(r, stepRACIEm)...)
	lines = append(lines, wrap(acc, stepRACIEm)...)

	tip := []string{s.Name, r, acc}
	if len(s.Consulted) > 0 {
		tip = append(tip, "C: "+l.join(roleNames(h, s.Consulted)))
	}
	if len(s.Informed) > 0 {
		tip = append(tip, "I: "+l.join(roleNames(h, s.Informed)))
	}
	if s.Duration != "" {
		tip = append(tip, "⏱ "+s.Duration)
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
		{"tooltip", strings.Join(tip, "\n")},
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

func roleNames(h *model.Handbook, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.RoleName(id)
	}
	return out
}

// dedupe drops repeated entries, keeping the first.
func dedupe(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
