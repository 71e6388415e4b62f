package graph

import (
	"fmt"
	"strings"
)

// Alt is the text alternative of a graph: the same facts as a table, for
// screen readers and for readers who cannot see the drawing. Title names
// the graph (use it as the SVG's aria-label and the table's caption),
// Header holds the column headings and every row has len(Header) cells.
//
// Legend, when not empty, says in a sentence or two what the drawing's
// boxes and lines mean, for every reader: the overview's lines are a
// choice, and the reader must know which.
type Alt struct {
	Title  string
	Header []string
	Rows   [][]string
	Legend string
}

// Labels are the few words the graphs need, in the handbook's language.
type Labels struct {
	Handoff, Consults, Informs string // relation of a role to another on a step
	StepOne, StepMany          string // "%d" patterns for a step count
	RoleOne, RoleMany          string // "%d" patterns for a role count
	External                   string // marks a team outside the department
	List                       string // joins names in a list

	Department, OrgChart, Neighbourhood, Workflow string // titles; the last two take a name (%s)
	Strongest                                     string // added to the department's title: %d links drawn of %d
	Closest                                       string // added to a neighbourhood's title: %d roles drawn of %d

	// The home page's overview: what its lines mean, drawn between roles
	// or between teams, and how many it keeps (%d drawn of %d).
	RoleLines, TeamLines, RolesKept, TeamsKept string
	TeamOverview                               string // its title when drawn team by team
	WorksWith                                  string // its table: the other role or team

	From, To, Steps, Relations     string // department table
	Role, ReportsTo, Team          string // org chart table
	Step, R, A, C, I, Next, Shared string // workflow and neighbourhood tables
}

var zhLabels = Labels{
	Handoff: "交付", Consults: "征求意见", Informs: "知会",
	StepOne: "%d 个步骤", StepMany: "%d 个步骤",
	RoleOne: "%d 个岗位", RoleMany: "%d 个岗位",
	External: "外部", List: "、",
	Department: "部门协作图", OrgChart: "组织架构图", Strongest: "（图中只画出最强的 %d 条协作关系，共 %d 条，见下表）",
	Neighbourhood: "%s 的协作关系", Workflow: "%s 流程图", Closest: "（图中只画出共同步骤最多的 %d 个岗位，共 %d 个，见下表）",
	RoleLines:    "每条线连接共同参与流程步骤的两个岗位，线越粗，共同步骤越多；实线：交付工作，虚线：征求意见，点线：知会；虚线框为外部合作方。",
	TeamLines:    "岗位较多，此图按团队画出：每条线连接有岗位共同参与流程步骤的两个团队，线越粗，共同步骤越多；实线：交付工作，虚线：征求意见，点线：知会；虚线框为外部合作方。",
	RolesKept:    "为便于阅读，图中只画出最强的 %d 条协作关系（共 %d 条，见下表），每个岗位至少保留一条。",
	TeamsKept:    "为便于阅读，图中只画出最强的 %d 条协作关系（共 %d 条，见下表）。",
	TeamOverview: "团队之间的协作",
	WorksWith:    "协作方",

	From: "从", To: "到", Steps: "步骤数", Relations: "关系",
	Role: "岗位", ReportsTo: "汇报给", Team: "团队",
	Step: "步骤", R: "执行 (R)", A: "最终负责 (A)", C: "征求意见 (C)", I: "知会 (I)",
	Next: "下一步", Shared: "共同步骤",
}

var enLabels = Labels{
	Handoff: "hands off", Consults: "consults", Informs: "informs",
	StepOne: "%d step", StepMany: "%d steps",
	RoleOne: "%d role", RoleMany: "%d roles",
	External: "external", List: ", ",
	Department: "Collaboration across the department", OrgChart: "Organisation chart",
	Strongest:     " (the %d strongest of %d links are drawn; the table lists all)",
	Closest:       " (the drawing shows the %d roles sharing most steps; the table lists all %d)",
	Neighbourhood: "Whom %s works with", Workflow: "Flow of %s",
	RoleLines:    "A line joins two roles that share workflow steps; the thicker, the more steps. Solid: hands work off; dashed: consults; dotted: informs. Dashed boxes are external parties.",
	TeamLines:    "With this many roles the drawing shows teams: a line joins two teams whose roles share workflow steps; the thicker, the more steps. Solid: hands work off; dashed: consults; dotted: informs. Dashed boxes are external parties.",
	RolesKept:    "To stay readable, it draws the %d strongest of %d links (the table lists all), at least one for every role.",
	TeamsKept:    "To stay readable, it draws the %d strongest of %d links (the table lists all).",
	TeamOverview: "Collaboration between teams",
	WorksWith:    "Works with",

	From: "From", To: "To", Steps: "Steps", Relations: "Relations",
	Role: "Role", ReportsTo: "Reports to", Team: "Team",
	Step: "Step", R: "Responsible", A: "Accountable", C: "Consulted", I: "Informed",
	Next: "Next", Shared: "Shared steps",
}

// LabelsFor returns the labels for a handbook language: Chinese for "zh"
// and its variants, English otherwise.
func LabelsFor(language string) Labels {
	if strings.HasPrefix(strings.ToLower(language), "zh") {
		return zhLabels
	}
	return enLabels
}

// steps formats a step count.
func (l Labels) steps(n int) string {
	if n == 1 {
		return fmt.Sprintf(l.StepOne, n)
	}
	return fmt.Sprintf(l.StepMany, n)
}

// roles formats a role count.
func (l Labels) roles(n int) string {
	if n == 1 {
		return fmt.Sprintf(l.RoleOne, n)
	}
	return fmt.Sprintf(l.RoleMany, n)
}

// join lists names in the language's way.
func (l Labels) join(names []string) string { return strings.Join(names, l.List) }
