// Package synth writes a large synthetic handbook for benchmarks: teams,
// roles with reports_to trees, workflows with realistic RACI, policies and
// pages with mixed Chinese and English Markdown bodies whose links resolve,
// and a glossary. The output passes `accord check` without a problem.
//
// Options in, a folder of sources out. The same Options give byte-identical
// files on every machine: randomness comes from a PCG seeded by Options.Seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Options size the handbook. Default is the large handbook of issue 7.
type Options struct {
	Teams     int // internal and external teams (a quarter external)
	Roles     int
	Workflows int
	Steps     int // per workflow
	Policies  int
	Pages     int // free pages besides pages/index.md, in sections of 50
	Terms     int // glossary entries
	DotBlocks int // ```dot blocks, one per page from the first pages
	Seed      uint64
}

// Default is the large synthetic handbook: 300 roles in 12 teams, 1,000
// workflows of 10 steps, 2,000 policies and pages, 200 glossary terms.
func Default() Options {
	return Options{Teams: 12, Roles: 300, Workflows: 1000, Steps: 10, Policies: 1000, Pages: 1000, Terms: 200, DotBlocks: 10, Seed: 7}
}

// Stats says what Write wrote.
type Stats struct {
	Files, Bytes int
}

type team struct {
	id       string
	name     pair
	external bool
	roles    []*role
}

type role struct {
	id, reportsTo string
	name          pair
	team          *team
	rank          int // 0 head, 1 supervisor, 2 staff, 3 external
	hasBody       bool
	workflows     []string // workflow ids it takes part in
}

type gen struct {
	o        Options
	rng      *rand.Rand
	dir      string
	stats    Stats
	teams    []*team
	roles    []*role
	internal []*role
	external []*role
	policies []string // ids
	pages    []string // paths under pages/, without .md
	titles   map[string]string
	wfNames  []string
}

// Write writes the handbook into dir, which must be empty or absent.
func Write(dir string, o Options) (Stats, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("%s is not empty", dir)
	}
	if o.Teams < 2 || o.Roles < o.Teams*2 || o.Steps < 2 || o.Workflows < 1 {
		return Stats{}, fmt.Errorf("too small: need at least 2 teams, 2 roles per team, 1 workflow of 2 steps")
	}
	g := &gen{o: o, rng: rand.New(rand.NewPCG(o.Seed, 0x5eed)), dir: dir, titles: map[string]string{}}
	g.plan()
	steps := []func() error{g.writeMeta, g.writeTeams, g.writeGlossary, g.writeWorkflows, g.writeRoles, g.writePolicies, g.writePages, g.writeAssets}
	for _, f := range steps {
		if err := f(); err != nil {
			return g.stats, err
		}
	}
	return g.stats, nil
}

func (g *gen) write(rel, text string) error {
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	g.stats.Files++
	g.stats.Bytes += len(text)
	return os.WriteFile(p, []byte(text), 0o644)
}

func (g *gen) pick(n int) int { return g.rng.IntN(n) }

func pickOf[T any](g *gen, s []T) T { return s[g.rng.IntN(len(s))] }

// plan decides teams, roles, policy and page ids before anything is written,
// so that every file can link to every other.
func (g *gen) plan() {
	nExt := max(1, g.o.Teams/4)
	for i := range g.o.Teams {
		var t *team
		if i < len(teamDefs) {
			d := teamDefs[i]
			t = &team{id: d.id, name: d.name, external: d.external}
		} else {
			t = &team{id: fmt.Sprintf("team-%02d", i), name: pair{fmt.Sprintf("业务%d部", i), fmt.Sprintf("Business unit %d", i)}}
		}
		g.teams = append(g.teams, t)
	}
	// The last nExt teams are external, whatever their names say.
	for i, t := range g.teams {
		t.external = i >= len(g.teams)-nExt
	}
	nExtRoles := max(nExt, g.o.Roles/10)
	var internalTeams, externalTeams []*team
	for _, t := range g.teams {
		if t.external {
			externalTeams = append(externalTeams, t)
		} else {
			internalTeams = append(internalTeams, t)
		}
	}
	top := &role{id: "general-manager", name: pair{"总经理", "General manager"}, team: internalTeams[0], rank: 0}
	g.add(top)
	nInt := g.o.Roles - nExtRoles - 1
	for i := range nInt {
		t := internalTeams[i%len(internalTeams)]
		g.add(g.internalRole(t, len(t.roles)))
	}
	for i := range nExtRoles {
		t := externalTeams[i%len(externalTeams)]
		n := len(t.roles) + 1
		title := externalTitle[(n-1)%len(externalTitle)]
		g.add(&role{id: fmt.Sprintf("%s-%s-%02d", t.id, slug(title.en), n), name: pair{fmt.Sprintf("%s%s %02d", t.name.zh, title.zh, n), fmt.Sprintf("%s %s %d", t.name.en, title.en, n)}, team: t, rank: 3})
	}
	for i := range g.o.Policies {
		tp, asp := topics[i%len(topics)], aspects[(i/len(topics))%len(aspects)]
		id := fmt.Sprintf("%s-%s-%04d", slug(tp.en), slug(asp.en), i+1)
		g.policies = append(g.policies, id)
		g.titles["policies/"+id] = fmt.Sprintf("%s%s %04d", tp.zh, asp.zh, i+1)
	}
	for i := range g.o.Pages {
		tp := topics[(i/50)%len(topics)]
		sec := fmt.Sprintf("%s-%02d", slug(tp.en), i/50+1)
		p := fmt.Sprintf("%s/note-%04d", sec, i+1)
		g.pages = append(g.pages, p)
		g.titles["pages/"+p] = fmt.Sprintf("%s笔记 %s note %04d", tp.zh, tp.en, i+1)
	}
}

func (g *gen) add(r *role) {
	r.team.roles = append(r.team.roles, r)
	g.roles = append(g.roles, r)
	if r.rank == 3 {
		g.external = append(g.external, r)
	} else {
		g.internal = append(g.internal, r)
		r.hasBody = len(g.internal)%2 == 0
	}
}

// internalRole is the k-th role of team t: the head reports to the general
// manager, three supervisors to the head, the staff to the supervisors.
func (g *gen) internalRole(t *team, k int) *role {
	var r *role
	base := t.roles
	if t == g.teams[0] {
		base = t.roles[1:] // the general manager heads the tree, not this team
		k--
	}
	switch {
	case k == 0:
		r = &role{id: t.id + "-manager", name: pair{t.name.zh + headTitle.zh, t.name.en + " " + headTitle.en}, reportsTo: "general-manager", rank: 0}
	case k <= 3:
		r = &role{id: fmt.Sprintf("%s-supervisor-%d", t.id, k), name: pair{fmt.Sprintf("%s%s %d", t.name.zh, superTitle.zh, k), fmt.Sprintf("%s %s %d", t.name.en, superTitle.en, k)}, reportsTo: base[0].id, rank: 1}
	default:
		title := staffTitle[k%len(staffTitle)]
		r = &role{id: fmt.Sprintf("%s-%s-%02d", t.id, slug(title.en), k), name: pair{fmt.Sprintf("%s%s %02d", t.name.zh, title.zh, k), fmt.Sprintf("%s %s %d", t.name.en, title.en, k)}, reportsTo: base[1+(k-4)%3].id, rank: 2}
	}
	r.team = t
	return r
}

// slug turns English words into an id.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// q quotes a string for TOML: the vocabulary has no quotes or backslashes.
func q(s string) string { return `"` + s + `"` }

func qlist(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = q(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (g *gen) writeMeta() error {
	return g.write("handbook.toml", `title = "外贸部分工协作协议（大型合成手册）"
language = "zh-CN"
version = "3.0"
effective_date = 2026-07-01
description = "A synthetic handbook for benchmarks: many teams, roles, workflows, policies and pages."
`)
}

func (g *gen) writeTeams() error {
	var b strings.Builder
	for _, t := range g.teams {
		kind := "internal"
		if t.external {
			kind = "external"
		}
		fmt.Fprintf(&b, "[[team]]\nid = %s\nname = %s\nkind = %q\ndescription = %s\n\n", q(t.id), q(t.name.zh), kind,
			q(fmt.Sprintf("%s（%s）负责与本部门协作的相关事务。", t.name.zh, t.name.en)))
	}
	return g.write("teams.toml", b.String())
}

func (g *gen) writeGlossary() error {
	var b strings.Builder
	seen := map[string]bool{}
	n := 0
	entry := func(term string, aliases []string, def string) {
		all := append([]string{term}, aliases...)
		for _, a := range all {
			if seen[strings.ToLower(a)] {
				return
			}
		}
		for _, a := range all {
			seen[strings.ToLower(a)] = true
		}
		fmt.Fprintf(&b, "[[term]]\nterm = %s\ndefinition = %s\naliases = %s\n\n", q(term), q(def), qlist(aliases))
		n++
	}
	for _, t := range glossaryBase {
		if n < g.o.Terms {
			entry(t.term, t.aliases, t.def)
		}
	}
	for i := 0; n < g.o.Terms; i++ {
		d, a := docs[i%len(docs)], glossaryAttrs[(i/len(docs))%len(glossaryAttrs)]
		suffix := ""
		if k := i / (len(docs) * len(glossaryAttrs)); k > 0 {
			suffix = fmt.Sprintf(" %d", k+1)
		}
		entry(d.zh+a.zh+suffix, []string{d.en + " " + a.en + suffix},
			fmt.Sprintf("%s的%s：填写和审核时以合同与信用证为准（%s %s）。", d.zh, a.zh, d.en, a.en))
	}
	return g.write("glossary.toml", b.String())
}

func (g *gen) writeAssets() error {
	return g.write("assets/flow.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#eee"/><text x="10" y="25">flow</text></svg>
`)
}

// sample returns k distinct roles from pool that are not in avoid.
func (g *gen) sample(pool []*role, k int, avoid ...[]string) []string {
	var out []string
	for tries := 0; len(out) < k && tries < k*20; tries++ {
		id := pickOf(g, pool).id
		if slices.Contains(out, id) || slices.ContainsFunc(avoid, func(a []string) bool { return slices.Contains(a, id) }) {
			continue
		}
		out = append(out, id)
	}
	return out
}
