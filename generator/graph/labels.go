package graph

import (
	"fmt"
	"strings"
)

// Alt is the text alternative of a graph: the same facts as a table, for
// screen readers and for readers who cannot see the drawing. Title names
// the graph (use it as the SVG's aria-label and the table's caption),
// Header holds the column headings and every row has len(Header) cells.
type Alt struct {
	Title  string
	Header []string
	Rows   [][]string
}

// Labels are the few words the graphs need, in the handbook's language.
type Labels struct {
	Handoff, Consults, Informs string // relation of a role to another on a step
	StepOne, StepMany          string // "%d" patterns for a step count
	External                   string // marks a team outside the department
	List                       string // joins names in a list

	Department, OrgChart, Neighbourhood, Workflow string // titles; the last two take a name (%s)
	Strongest                                     string // added to the department's title: %d links drawn of %d
	Closest                                       string // added to a neighbourhood's title: %d roles drawn of %d

	From, To, Steps, Relations     string // department table
	Role, ReportsTo, Team          string // org chart table
	Step, R, A, C, I, Next, Shared string // workflow and neighbourhood tables
}

var zhLabels = Labels{
	Handoff: "交付", Consults: "征求意见", Informs: "知会",
	StepOne: "%d 个步骤", StepMany: "%d 个步骤",
	External: "外部", List: "、",
	Department: "部门协作图", OrgChart: "组织架构图", Strongest: "（图中只画出最强的 %d 条协作关系，共 %d 条，见下表）",
	Neighbourhood: "%s 的协作关系", Workflow: "%s 流程图", Closest: "（图中只画出共同步骤最多的 %d 个岗位，共 %d 个，见下表）",
	From: "从", To: "到", Steps: "步骤数", Relations: "关系",
	Role: "岗位", ReportsTo: "汇报给", Team: "团队",
	Step: "步骤", R: "执行 (R)", A: "最终负责 (A)", C: "征求意见 (C)", I: "知会 (I)",
	Next: "下一步", Shared: "共同步骤",
}

var enLabels = Labels{
	Handoff: "hands off", Consults: "consults", Informs: "informs",
	StepOne: "%d step", StepMany: "%d steps",
	External: "external", List: ", ",
	Department: "Collaboration across the department", OrgChart: "Organisation chart",
	Strongest:     " (the %d strongest of %d links are drawn; the table lists all)",
	Closest:       " (the drawing shows the %d roles sharing most steps; the table lists all %d)",
	Neighbourhood: "Whom %s works with", Workflow: "Flow of %s",
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

// join lists names in the language's way.
func (l Labels) join(names []string) string { return strings.Join(names, l.List) }
