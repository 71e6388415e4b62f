package render

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/i18n"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/raci"
)

// The templates that AssignmentList and StepList replace, as they were.
const (
	assignmentsTmpl = `{{- range .Data}}{{$wf := .Workflow}}
<h3><a href="{{$.WorkflowURL $wf.ID}}">{{$wf.Name}}</a></h3>
<ul class="assignments">
{{- range .Steps}}<li><span class="letters {{letterClass .Letters}}">{{.Letters}}</span> <a href="{{$.StepURL $wf.ID .Step.ID}}">{{.Step.Name}}</a></li>{{end}}
</ul>
{{- end}}`
	policiesTmpl = `{{range .Data}}<li><a href="{{$.PolicyURL .ID}}">{{.Title}}</a></li>{{end}}`
	readingTmpl  = `{{- range .Data}}
<li><label><input type="checkbox" data-item="{{.Key}}"> <a href="{{$.Rel .URL}}">{{$.SourceTitle .Key}}</a></label> <span class="muted">{{.Minutes}} {{$.Tr "min"}}</span></li>
{{- end}}`
	matrixTmpl = `{{range .Data.Roles}}<th scope="col"><a href="{{$.RoleURL .ID}}">{{.Name}}</a></th>{{end}}</tr></thead>
<tbody>
{{- range .Data.Rows}}
<tr><th scope="row"><a href="#step-{{.Step.ID}}">{{.Step.Name}}</a></th>{{cells .Cells}}</tr>
{{- end}}`
	neighboursTmpl = `{{range .Data}}<li><a href="{{$.RoleURL .Role.ID}}">{{.Role.Name}}</a> <span class="muted">{{$.Count .Steps "sharedSteps"}}</span></li>{{end}}`
	stepsTmpl      = `{{- $w := .Data}}{{- range $w.Steps}}
<li id="step-{{.ID}}" class="step">
  <h3>{{.Name}}{{if .Approval}} <span class="badge approval">{{$.Tr "approvalStep"}}</span>{{end}}</h3>
  <dl class="raci-list">
    <dt class="raci-r">{{$.Tr "responsible"}}</dt><dd>{{range $i, $id := .Responsible}}{{if $i}}{{$.Sep}}{{end}}<a href="{{$.RoleURL $id}}">{{$.RoleName $id}}</a>{{end}}</dd>
    <dt class="raci-a">{{$.Tr "accountable"}}</dt><dd><a href="{{$.RoleURL .Accountable}}">{{$.RoleName .Accountable}}</a></dd>
    {{- if .Consulted}}<dt class="raci-c">{{$.Tr "consulted"}}</dt><dd>{{range $i, $id := .Consulted}}{{if $i}}{{$.Sep}}{{end}}<a href="{{$.RoleURL $id}}">{{$.RoleName $id}}</a>{{end}}</dd>{{end}}
    {{- if .Informed}}<dt class="raci-i">{{$.Tr "informed"}}</dt><dd>{{range $i, $id := .Informed}}{{if $i}}{{$.Sep}}{{end}}<a href="{{$.RoleURL $id}}">{{$.RoleName $id}}</a>{{end}}</dd>{{end}}
    {{- if .Outputs}}<dt>{{$.Tr "outputs"}}</dt><dd>{{join .Outputs $.Sep}}</dd>{{end}}
    {{- with duration .Dur $.T}}<dt>{{$.Tr "duration"}}</dt><dd>{{.}}</dd>{{end}}
    <dt>{{$.Tr "next"}}</dt><dd>{{if .Next}}{{range $i, $n := .Next}}{{if $i}}{{$.Sep}}{{end}}<a href="#step-{{$n}}">{{with $w.StepByID $n}}{{.Name}}{{else}}{{$n}}{{end}}</a>{{end}}{{else}}{{$.Tr "end"}}{{end}}</dd>
  </dl>
</li>
{{- end}}`
)

// TestFastLists_sameAsTemplates: the Go-written lists give the bytes the
// templates gave, on names and ids full of what html/template escapes
// (ids that validation would refuse included, and labels a handbook may
// override).
func TestFastLists_sameAsTemplates(t *testing.T) {
	nasty := `<b>"A&B" + 'c'</b>` + "\x00 外贸"
	h := &model.Handbook{
		Roles: []*model.Role{{ID: "clerk", Name: nasty}, {ID: "boss", Name: "经理 & Co"}, {ID: "odd id?x=1&y", Name: "Odd"}},
	}
	steps := []*model.Step{
		{ID: "s1", Name: nasty, Responsible: []string{"clerk", "boss"}, Accountable: "boss", Consulted: []string{"odd id?x=1&y"},
			Outputs: []string{"合同 <PO>", "a+b"}, Dur: 26*time.Hour + 5*time.Minute, Next: []string{"s2", "gone", "s 3%zz"}},
		{ID: "s2", Name: "Plain", Responsible: []string{"clerk"}, Accountable: "ghost", Informed: []string{"boss"}, Dur: 30 * time.Second, Approval: true},
		{ID: "s 3%zz", Name: "Third", Responsible: []string{"javascript:alert(1)"}, Accountable: "clerk"},
	}
	w := &model.Workflow{ID: "flow", Name: nasty, Steps: steps}
	h.Workflows = []*model.Workflow{w, {ID: "other/x y", Name: "Other", Steps: steps[:1]}}
	h.Policies = []*model.Policy{{ID: "p1", Title: nasty}, {ID: "p 2&x", Title: "汇率 'risk'"}}
	h.Index()
	labels := i18n.Strings("en", map[string]string{"next": "Next & then", "end": `<end>`})
	for _, page := range []string{"workflows/flow.html", "index.html", "print/clerk.html"} {
		p := &Page{Path: page, H: h, T: labels}
		as := []raci.WorkflowAssignments{
			{Workflow: w, Steps: []raci.Assignment{{Step: steps[0], Letters: "R/A"}, {Step: steps[1], Letters: "C"}}},
			{Workflow: h.Workflows[1], Steps: []raci.Assignment{{Step: steps[0], Letters: ""}}},
		}
		matrix := raci.ForWorkflow(h, raci.NewOrder(h), w)
		neighbours := []raci.Neighbour{{Role: h.Roles[0], Steps: 3}, {Role: h.Roles[2], Steps: 12}}
		reading := []ReadingItem{
			{Key: "policies/p1", URL: "policies/p1.html", Minutes: 3},
			{Key: "roles/odd id?x=1&y", URL: "roles/odd id?x=1&y.html", Minutes: 12},
			{Key: "nowhere/<x>", URL: "javascript:alert(1)", Minutes: 1},
		}
		for _, c := range []struct {
			name, tmpl string
			data       any
			fast       template.HTML
		}{
			{"assignments", assignmentsTmpl, as, p.AssignmentList(as)},
			{"steps", stepsTmpl, w, p.StepList(w)},
			{"policies", policiesTmpl, h.Policies, p.PolicyLinks(h.Policies)},
			{"reading", readingTmpl, reading, p.ReadingList(reading)},
			{"matrix", matrixTmpl, matrix, p.MatrixHead(matrix) + "</tr></thead>\n<tbody>" + p.MatrixRows(matrix)},
			{"neighbours", neighboursTmpl, neighbours, p.NeighbourList(neighbours)},
		} {
			tm := template.Must(template.New(c.name).Funcs(funcs).Parse(c.tmpl))
			var want strings.Builder
			dp := *p
			dp.Data = c.data
			if err := tm.Execute(&want, &dp); err != nil {
				t.Fatal(err)
			}
			if string(c.fast) != want.String() {
				t.Errorf("%s on %s:\n got: %s\nwant: %s", c.name, page, c.fast, want.String())
			}
		}
	}
}
