package diff

import "slices"

// Schema names the JSON format; it changes only when the format breaks.
const Schema = "accord-diff/1"

// How an entity changed.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Ops of a Span of an inline diff.
const (
	Equal  = "equal"
	Insert = "insert"
	Delete = "delete"
)

// ChangeSet is everything that changed from one version to the next. Every
// slice is sorted; an unchanged part is an empty slice (nil), never an entry
// that says "no change".
type ChangeSet struct {
	Schema string `json:"schema"`
	Old    Side   `json:"old"`
	New    Side   `json:"new"`

	Handbook  []FieldChange    `json:"handbook"`
	Teams     []TeamChange     `json:"teams"`
	Roles     []RoleChange     `json:"roles"`
	Workflows []WorkflowChange `json:"workflows"`
	// RACI holds every cell of the RACI matrices that changed, for the
	// workflows present in both versions (steps added or removed included).
	RACI []RACICell `json:"raci"`
	// Responsibilities is derived: per role, each letter gained or lost on a
	// step, including steps of workflows that were added or removed.
	Responsibilities []RoleResponsibilities `json:"responsibilities"`
	Policies         []PolicyChange         `json:"policies"`
	Pages            []PageChange           `json:"pages"`
	Glossary         []TermChange           `json:"glossary"`
	Assets           *ListChange            `json:"assets,omitempty"`
	// Role is set when the change set is what concerns one role (accord
	// diff --role): teams, the glossary and the assets are then left out.
	Role *RoleRef `json:"role,omitempty"`
}

// RoleRef names a role.
type RoleRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Side describes one of the two versions compared.
type Side struct {
	Name          string `json:"name,omitempty"` // as the user named it: a folder or a git ref; set by the caller
	Title         string `json:"title"`
	Version       string `json:"version"`
	EffectiveDate string `json:"effective_date"`
	Language      string `json:"language"`
}

// FieldChange is one single-valued field whose value changed. Dates are
// YYYY-MM-DD and numbers decimal; "" means unset.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// ListChange is a list-valued field: the items added (in the new order) and
// removed (in the old order). Reordered is set for lists whose order means
// something (onboarding) when the items kept are in a different order.
type ListChange struct {
	Field     string   `json:"field"`
	Added     []string `json:"added,omitempty"`
	Removed   []string `json:"removed,omitempty"`
	Reordered bool     `json:"reordered,omitempty"`
	Old       []string `json:"old,omitempty"` // the whole old list, only when Reordered
	New       []string `json:"new,omitempty"` // the whole new list, only when Reordered
}

// ParagraphChange is one paragraph of Markdown text that was added, removed
// or changed. Indexes count paragraphs from 1 (0 on the side where the
// paragraph does not exist); lines are where it starts in the source file.
type ParagraphChange struct {
	Change   string `json:"change"`
	OldIndex int    `json:"old_index,omitempty"`
	NewIndex int    `json:"new_index,omitempty"`
	OldLine  int    `json:"old_line,omitempty"`
	NewLine  int    `json:"new_line,omitempty"`
	Old      string `json:"old,omitempty" term:"lines"` // normalised text
	New      string `json:"new,omitempty" term:"lines"`
	Spans    []Span `json:"spans,omitempty"` // inline diff, only for "changed"
}

// Span is a run of an inline diff. The equal and delete spans in order
// spell the old paragraph; the equal and insert spans spell the new one.
type Span struct {
	Op   string `json:"op"`
	Text string `json:"text" term:"lines"`
}

// TeamChange is a team added, removed or changed.
type TeamChange struct {
	ID     string        `json:"id"`
	Name   string        `json:"name"`
	Change string        `json:"change"`
	Fields []FieldChange `json:"fields,omitempty"` // name, kind, description
}

// RoleChange is a role added, removed or changed.
type RoleChange struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Change      string            `json:"change"`
	RenamedFrom string            `json:"renamed_from,omitempty"` // its old id (the new version's aliases name it)
	Fields      []FieldChange     `json:"fields,omitempty"`       // name, team, reports_to, summary
	Lists       []ListChange      `json:"lists,omitempty"`        // duties, goals, onboarding
	KPIs        []KPIChange       `json:"kpis,omitempty"`
	Description []ParagraphChange `json:"description,omitempty"` // roles/<id>.md
}

// KPIChange is a KPI added, removed or changed, matched by name. Target and
// Weight are the new values (the old ones for a removed KPI).
type KPIChange struct {
	Name   string        `json:"name"`
	Change string        `json:"change"`
	Target string        `json:"target"`
	Weight int           `json:"weight"`
	Fields []FieldChange `json:"fields,omitempty"` // target, weight; only for "changed"
}

// WorkflowChange is a workflow added, removed or changed.
type WorkflowChange struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Change      string        `json:"change"`
	RenamedFrom string        `json:"renamed_from,omitempty"`
	Fields      []FieldChange `json:"fields,omitempty"` // name, owner, trigger, summary
	Steps       []StepChange  `json:"steps,omitempty"`
	// Reordered is set when the steps both versions have are in a
	// different order; OldOrder and NewOrder are then the step ids.
	Reordered bool     `json:"reordered,omitempty"`
	OldOrder  []string `json:"old_order,omitempty"`
	NewOrder  []string `json:"new_order,omitempty"`
}

// StepChange is a step added, removed or changed within a workflow. A
// renamed step keeps its id and has a "name" field change. For an added or
// removed step, Fields and Lists describe it against nothing.
type StepChange struct {
	ID     string        `json:"id"`
	Name   string        `json:"name"`
	Change string        `json:"change"`
	Fields []FieldChange `json:"fields,omitempty"` // name, duration, approval
	Lists  []ListChange  `json:"lists,omitempty"`  // next, outputs
}

// RACICell is one cell of a workflow's RACI matrix whose letters changed.
// Letters are as model.Step.Letters writes them ("R", "R/A", "C"); "" means
// the role had no part in the step.
type RACICell struct {
	Workflow     string `json:"workflow"`
	WorkflowName string `json:"workflow_name"`
	Step         string `json:"step"`
	StepName     string `json:"step_name"`
	Role         string `json:"role"`
	RoleName     string `json:"role_name"`
	Old          string `json:"old"`
	New          string `json:"new"`
}

// RoleResponsibilities is what one role gained and lost.
type RoleResponsibilities struct {
	Role     string       `json:"role"`
	RoleName string       `json:"role_name"`
	Gained   []Assignment `json:"gained,omitempty"`
	Lost     []Assignment `json:"lost,omitempty"`
}

// Assignment is one RACI letter on one step.
type Assignment struct {
	Workflow     string `json:"workflow"`
	WorkflowName string `json:"workflow_name"`
	Step         string `json:"step"`
	StepName     string `json:"step_name"`
	Letter       string `json:"letter"` // R, A, C or I
}

// PolicyChange is a policy added, removed or changed.
type PolicyChange struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Change      string            `json:"change"`
	RenamedFrom string            `json:"renamed_from,omitempty"`
	Fields      []FieldChange     `json:"fields,omitempty"` // title, owner, review_cycle, effective_date, summary
	Lists       []ListChange      `json:"lists,omitempty"`  // applies_to ("*" is an item)
	Text        []ParagraphChange `json:"text,omitempty"`
}

// PageChange is a free page added, removed or changed.
type PageChange struct {
	Path        string            `json:"path"`
	Title       string            `json:"title"`
	Change      string            `json:"change"`
	RenamedFrom string            `json:"renamed_from,omitempty"` // its old path under pages/
	Fields      []FieldChange     `json:"fields,omitempty"`       // title, summary, weight
	Text        []ParagraphChange `json:"text,omitempty"`
}

// TermChange is a glossary term added, removed or changed, matched by the
// term itself. An added or removed term has its definition as a field.
type TermChange struct {
	Term   string        `json:"term"`
	Change string        `json:"change"`
	Fields []FieldChange `json:"fields,omitempty"` // definition
	Lists  []ListChange  `json:"lists,omitempty"`  // aliases
}

// Empty reports whether nothing changed.
func (c *ChangeSet) Empty() bool {
	return len(c.Handbook) == 0 && len(c.Teams) == 0 && len(c.Roles) == 0 &&
		len(c.Workflows) == 0 && len(c.RACI) == 0 && len(c.Responsibilities) == 0 &&
		len(c.Policies) == 0 && len(c.Pages) == 0 && len(c.Glossary) == 0 && c.Assets == nil
}

// Touches reports whether c says anything about a document: a role ("role"
// and its id; its fields or its RACI letters), a workflow (its fields,
// steps or cells), a policy or a page (its path).
func (c *ChangeSet) Touches(kind, id string) bool {
	switch kind {
	case "role":
		return slices.ContainsFunc(c.Roles, func(r RoleChange) bool { return r.ID == id }) ||
			slices.ContainsFunc(c.Responsibilities, func(r RoleResponsibilities) bool { return r.Role == id })
	case "workflow":
		return slices.ContainsFunc(c.Workflows, func(w WorkflowChange) bool { return w.ID == id }) ||
			slices.ContainsFunc(c.RACI, func(cell RACICell) bool { return cell.Workflow == id })
	case "policy":
		return slices.ContainsFunc(c.Policies, func(p PolicyChange) bool { return p.ID == id })
	case "page":
		return slices.ContainsFunc(c.Pages, func(p PageChange) bool { return p.Path == id })
	}
	return false
}
