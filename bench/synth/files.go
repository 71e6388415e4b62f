package synth

import (
	"fmt"
	"slices"
	"strings"
)

type step struct {
	id, name, accountable, duration  string
	responsible, consulted, informed []string
	next, outputs                    []string
}

func wfID(i int) string {
	t := topics[i%len(topics)]
	return fmt.Sprintf("%s-flow-%04d", slug(t.en), i+1)
}

// leads are the head and supervisors of a team: who is accountable.
func leads(t *team) []*role {
	var out []*role
	for _, r := range t.roles {
		if r.rank <= 1 {
			out = append(out, r)
		}
	}
	return out
}

func (g *gen) internalTeams() []*team {
	var out []*team
	for _, t := range g.teams {
		if !t.external {
			out = append(out, t)
		}
	}
	return out
}

// workflow draws one workflow of the home team t: its staff do the work,
// its leads answer for it, other teams and external partners are consulted
// and informed. Steps chain in order, with some branches forward, some
// loops back (rework) and a few self-loops.
func (g *gen) workflow(i int, t *team, partner *team) (owner string, steps []*step) {
	ls := leads(t)
	owner = pickOf(g, ls).id
	doers := append(slices.Clone(t.roles), partner.roles...)
	others := append(slices.Clone(partner.roles), pickOf(g, g.teams).roles...)
	n := g.o.Steps
	for j := range n {
		tk := tasks[(i+j)%len(tasks)]
		s := &step{id: fmt.Sprintf("s%02d-%s", j+1, slug(strings.Join(strings.Fields(tk.en)[:2], " "))), name: fmt.Sprintf("%s（第%d步）", tk.zh, j+1)}
		s.responsible = g.sample(doers, 1+g.pick(2))
		if g.pick(10) < 4 {
			s.accountable = s.responsible[0]
		} else {
			s.accountable = g.sample(ls, 1, s.responsible)[0]
		}
		ra := append(slices.Clone(s.responsible), s.accountable)
		s.consulted = g.sample(others, g.pick(4), ra)
		s.informed = g.sample(append(slices.Clone(others), ls...), g.pick(4), ra, s.consulted)
		for range 1 + g.pick(3) {
			if o := pickOf(g, docs).zh; !slices.Contains(s.outputs, o) {
				s.outputs = append(s.outputs, o)
			}
		}
		s.duration = pickOf(g, durations)
		steps = append(steps, s)
	}
	for j, s := range steps {
		if j == n-1 {
			continue
		}
		s.next = []string{steps[j+1].id}
		switch p := g.pick(100); {
		case p < 15 && j+2 < n:
			s.next = append(s.next, steps[j+2].id) // branch: skip a step
		case p < 23 && j >= 2:
			s.next = append(s.next, steps[j-2].id) // rework: back two steps
		case p < 25:
			s.next = append(s.next, s.id) // repeat until done
		}
	}
	return owner, steps
}

func (g *gen) writeWorkflows() error {
	its := g.internalTeams()
	type wf struct {
		owner string
		steps []*step
	}
	all := make([]wf, g.o.Workflows)
	used := map[string]bool{}
	for i := range all {
		t := its[i%len(its)]
		partner := g.teams[(i/len(its)+i+1)%len(g.teams)]
		if partner == t {
			partner = g.teams[len(g.teams)-1]
		}
		owner, steps := g.workflow(i, t, partner)
		all[i] = wf{owner, steps}
		for _, s := range steps {
			for _, id := range slices.Concat(s.responsible, []string{s.accountable}, s.consulted, s.informed) {
				used[id] = true
			}
		}
		tp := topics[i%len(topics)]
		g.wfNames = append(g.wfNames, fmt.Sprintf("%s流程 %s %04d", tp.zh, tp.en, i+1))
	}
	// Every role takes part somewhere: the unused are informed of a step.
	k := 0
	for _, r := range g.roles {
		if used[r.id] {
			continue
		}
		for {
			w := all[k%len(all)]
			s := w.steps[(k/len(all))%len(w.steps)]
			k++
			if !slices.Contains(slices.Concat(s.responsible, []string{s.accountable}, s.consulted, s.informed), r.id) {
				s.informed = append(s.informed, r.id)
				break
			}
		}
	}
	byID := map[string]*role{}
	for _, r := range g.roles {
		byID[r.id] = r
	}
	for i, w := range all {
		id := wfID(i)
		var b strings.Builder
		fmt.Fprintf(&b, "name = %s\nowner = %s\ntrigger = %s\nsummary = %s\n", q(g.wfNames[i]), q(w.owner),
			q(g.fill("收到{doc}后启动（{docEn} received）")), q(g.paragraph(true)))
		for _, s := range w.steps {
			fmt.Fprintf(&b, "\n[[step]]\nid = %s\nname = %s\nresponsible = %s\naccountable = %s\n", q(s.id), q(s.name), qlist(s.responsible), q(s.accountable))
			if len(s.consulted) > 0 {
				fmt.Fprintf(&b, "consulted = %s\n", qlist(s.consulted))
			}
			if len(s.informed) > 0 {
				fmt.Fprintf(&b, "informed = %s\n", qlist(s.informed))
			}
			if len(s.next) > 0 {
				fmt.Fprintf(&b, "next = %s\n", qlist(s.next))
			}
			fmt.Fprintf(&b, "outputs = %s\nduration = %s\n", qlist(s.outputs), q(s.duration))
			for _, rid := range slices.Concat(s.responsible, []string{s.accountable}, s.consulted, s.informed) {
				if r := byID[rid]; !slices.Contains(r.workflows, id) {
					r.workflows = append(r.workflows, id)
				}
			}
		}
		if err := g.write("workflows/"+id+".toml", b.String()); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) writeRoles() error {
	for _, r := range g.roles {
		var b strings.Builder
		fmt.Fprintf(&b, "name = %s\nteam = %s\n", q(r.name.zh), q(r.team.id))
		if r.reportsTo != "" {
			fmt.Fprintf(&b, "reports_to = %s\n", q(r.reportsTo))
		}
		fmt.Fprintf(&b, "summary = %s\n", q(fmt.Sprintf("%s（%s）：%s", r.name.zh, r.name.en, g.fill("负责{doc}相关工作，按时{task}。"))))
		var duties, goals []string
		for range 4 + g.pick(3) {
			duties = append(duties, g.fill(pickOf(g, zhSentences)))
		}
		for range 2 + g.pick(2) {
			goals = append(goals, fmt.Sprintf("%s及时率不低于 %d%%", pickOf(g, docs).zh, 90+g.pick(10)))
		}
		fmt.Fprintf(&b, "duties = %s\ngoals = %s\n", qlist(duties), qlist(goals))
		if r.rank != 3 {
			ob := []string{"pages/index", "policies/" + pickOf(g, g.policies)}
			for i, w := range r.workflows {
				if i < 2 {
					ob = append(ob, "workflows/"+w)
				}
			}
			ob = append(ob, "pages/"+pickOf(g, g.pages), "policies/"+pickOf(g, g.policies))
			fmt.Fprintf(&b, "onboarding = %s\n", qlist(slices.Compact(ob)))
			weights := []int{40, 30, 20, 10}
			for i, w := range weights {
				fmt.Fprintf(&b, "\n[[kpi]]\nname = %s\ntarget = %s\nweight = %d\n", q(fmt.Sprintf("%s准确率 %d", pickOf(g, docs).zh, i+1)), q(fmt.Sprintf("≥ %d%%", 90+g.pick(10))), w)
			}
		}
		if err := g.write("roles/"+r.id+".toml", b.String()); err != nil {
			return err
		}
		if r.hasBody {
			src := "roles/" + r.id + ".md"
			body := fmt.Sprintf("### 岗位说明 About the role\n\n%s\n\n%s\n\n日常工作见%s与%s。\n", g.paragraph(true), g.paragraph(false), g.link(src), g.link(src))
			if err := g.write(src, body); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *gen) writePolicies() error {
	for i, id := range g.policies {
		src := "policies/" + id + ".md"
		var leadsAll []*role
		for _, t := range g.internalTeams() {
			leadsAll = append(leadsAll, leads(t)...)
		}
		applies := q("*")
		if g.pick(10) >= 3 {
			applies = qlist(g.sample(g.internal, 2+g.pick(5)))
		}
		front := fmt.Sprintf("+++\ntitle = %s\nowner = %s\napplies_to = %s\nreview_cycle = %s\neffective_date = 2026-07-01\nsummary = %s\n+++\n\n",
			q(g.titles["policies/"+id]), q(pickOf(g, leadsAll).id), applies, q(cycles[i%len(cycles)]), q(g.fill("规范{doc}的管理与{task}。")))
		if err := g.write(src, front+g.body(src, 2048+g.pick(2048), 0, i%50 == 0)); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) writePages() error {
	var intro strings.Builder
	intro.WriteString("+++\ntitle = \"引言 Introduction\"\nweight = 1\n+++\n\n# 引言 Introduction\n\n")
	intro.WriteString(g.paragraph(true) + "\n\n" + g.paragraph(false) + "\n\n## 目录 Contents\n\n")
	for i, p := range g.pages {
		if i%50 == 0 {
			fmt.Fprintf(&intro, "- [%s](%s)\n", g.titles["pages/"+p], p+".md")
		}
	}
	intro.WriteString("\n另见[术语表](../glossary.toml)与[团队](../teams.toml)。\n")
	if err := g.write("pages/index.md", intro.String()); err != nil {
		return err
	}
	for i, p := range g.pages {
		src := "pages/" + p + ".md"
		front := fmt.Sprintf("+++\ntitle = %s\nweight = %d\nsummary = %s\n+++\n\n", q(g.titles["pages/"+p]), i%50+1, q(g.fill("{doc}的{task}要点。")))
		dot := 0
		if i < g.o.DotBlocks {
			dot = i + 1
		}
		if err := g.write(src, front+g.body(src, 1536+g.pick(2560), dot, i%40 == 0)); err != nil {
			return err
		}
	}
	return nil
}
