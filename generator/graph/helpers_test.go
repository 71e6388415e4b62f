package graph

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testHandbook is small but has what the graphs must handle: internal and
// external teams, a long Chinese name, a hostile name, a branch, a loop back
// and a self-loop.
func testHandbook() *model.Handbook {
	h := &model.Handbook{
		Meta: model.Meta{Title: "测试手册", Language: "zh-CN"},
		Teams: []*model.Team{
			{ID: "trade", Name: "外贸部", Kind: "internal"},
			{ID: "finance", Name: "财务部", Kind: "internal"},
			{ID: "customer", Name: "客户", Kind: "external"},
		},
		Roles: []*model.Role{
			{ID: "manager", Name: "外贸经理", Team: "trade"},
			{ID: "sales-rep", Name: "外贸业务员", Team: "trade", ReportsTo: "manager", Summary: "负责询盘与报价"},
			{ID: "clerk", Name: "单证员（兼职信用证审核与出口退税资料整理）", Team: "trade", ReportsTo: "manager"},
			{ID: "cashier", Name: `Cashier "A&B" <script>alert(1)</script> \N`, Team: "finance", ReportsTo: "manager"},
			{ID: "buyer", Name: "客户采购", Team: "customer"},
		},
		Workflows: []*model.Workflow{{ID: "order", Name: "订单流程", Owner: "manager", Steps: []*model.Step{
			{ID: "inquiry", Name: "询盘登记", Responsible: []string{"sales-rep"}, Accountable: "sales-rep",
				Consulted: []string{"buyer"}, Informed: []string{"manager"}, Next: []string{"quote"}},
			{ID: "quote", Name: "报价", Responsible: []string{"sales-rep"}, Accountable: "manager",
				Consulted: []string{"cashier"}, Next: []string{"approve"}, Duration: "48h"},
			{ID: "approve", Name: "报价审批", Responsible: []string{"manager"}, Accountable: "manager",
				Informed: []string{"sales-rep"}, Next: []string{"quote", "confirm"}},
			{ID: "confirm", Name: "客户确认", Responsible: []string{"sales-rep", "buyer"}, Accountable: "sales-rep",
				Next: []string{"confirm", "docs"}},
			{ID: "docs", Name: "制单 & 交单", Responsible: []string{"clerk"}, Accountable: "manager",
				Consulted: []string{"cashier"}, Informed: []string{"sales-rep", "buyer"}},
		}}},
	}
	h.Index()
	return h
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", path, got)
	}
}

// altText writes an Alt as tab-separated lines for golden files.
func altText(a Alt) string {
	var b strings.Builder
	b.WriteString(a.Title + "\n")
	if a.Legend != "" {
		b.WriteString("legend: " + a.Legend + "\n")
	}
	b.WriteString(strings.Join(a.Header, "\t") + "\n")
	for _, r := range a.Rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// synthetic returns a handbook of n roles in n/10 teams (one in five
// external) with a workflow per team whose steps chain through its roles
// and consult and inform roles of the next team.
func synthetic(n int) *model.Handbook {
	h := &model.Handbook{Meta: model.Meta{Language: "en"}}
	teams := max(n/10, 1)
	for t := range teams {
		kind := "internal"
		if t%5 == 4 {
			kind = "external"
		}
		h.Teams = append(h.Teams, &model.Team{ID: fmt.Sprintf("team-%d", t), Name: fmt.Sprintf("团队 %d", t), Kind: kind})
	}
	role := func(i int) string { return fmt.Sprintf("role-%03d", i%n) }
	for i := range n {
		r := &model.Role{ID: role(i), Name: fmt.Sprintf("岗位 %d 号 Specialist", i), Team: fmt.Sprintf("team-%d", i%teams)}
		if i > 0 {
			r.ReportsTo = role((i - 1) / 4)
		}
		h.Roles = append(h.Roles, r)
	}
	for t := range teams {
		w := &model.Workflow{ID: fmt.Sprintf("flow-%d", t), Name: fmt.Sprintf("Flow %d", t)}
		for k := range 10 {
			i := t + k*teams
			s := &model.Step{
				ID: fmt.Sprintf("s%d", k), Name: fmt.Sprintf("步骤 %d", k),
				Responsible: []string{role(i)}, Accountable: role(i + 1),
				Consulted: []string{role(i + teams)}, Informed: []string{role(i + 3)},
			}
			if k < 9 {
				s.Next = []string{fmt.Sprintf("s%d", k+1)}
			}
			w.Steps = append(w.Steps, s)
		}
		h.Workflows = append(h.Workflows, w)
	}
	h.Index()
	return h
}
