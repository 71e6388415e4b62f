// Package validate checks a loaded handbook against the rules of the source
// format: every reference resolves, the RACI rules hold, ids are unique,
// reports_to has no cycles, KPI weights add up. It returns every problem at
// once, each at the key or value that causes it, with a "did you mean" where
// a near-miss id exists.
//
// Links and images inside Markdown are checked by Links, which takes the
// parse as a Scanner (Scan wraps the Markdown renderer), so that the link
// check reads each page through the same parser the site renders with.
package validate

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/accord-handbook/accord/generator/i18n"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/suggest"
)

// Check returns every problem of h. It never stops at the first one.
func Check(h *model.Handbook) *source.List {
	c := &checker{h: h, diags: &source.List{}}
	c.index()
	c.meta()
	c.teams()
	c.roles()
	c.independence()
	c.workflows()
	c.policies()
	c.pages()
	c.glossary()
	c.control()
	c.drafts()
	c.aliases()
	c.site()
	c.people()
	c.acks()
	c.unusedRoles()
	c.diags.Sort()
	return c.diags
}

type checker struct {
	h     *model.Handbook
	diags *source.List

	// Computed once: checks look these up for every reference.
	roleIDList, teamIDList, keyList []string
	roleNameMap, teamNameMap        map[string]string
	keySet                          map[string]bool
}

func (c *checker) index() {
	c.roleNameMap, c.teamNameMap, c.keySet = map[string]string{}, map[string]string{}, map[string]bool{}
	for _, r := range c.h.Roles {
		c.roleIDList = append(c.roleIDList, r.ID)
		if r.Name != "" {
			c.roleNameMap[r.Name] = r.ID
		}
		c.keyList = append(c.keyList, "roles/"+r.ID)
	}
	for _, t := range c.h.Teams {
		c.teamIDList = append(c.teamIDList, t.ID)
		if t.Name != "" {
			c.teamNameMap[t.Name] = t.ID
		}
	}
	sort.Strings(c.teamIDList)
	for _, w := range c.h.Workflows {
		c.keyList = append(c.keyList, "workflows/"+w.ID)
	}
	for _, p := range c.h.Policies {
		c.keyList = append(c.keyList, "policies/"+p.ID)
	}
	for _, p := range c.h.Pages {
		c.keyList = append(c.keyList, "pages/"+p.Path)
	}
	for _, k := range c.keyList {
		c.keySet[k] = true
	}
}

var (
	teamKinds = []string{"internal", "external"}
)

func (c *checker) meta() {
	m := c.h.Meta
	if m.Src == nil || m.Src.Text == nil || m.Src.Broken {
		return // load reported it
	}
	c.required(m.Src, "title", m.Title)
	c.required(m.Src, "version", m.Version)
	if m.Language == "" {
		if !m.Src.Failed("language") {
			c.diags.Errorf(m.Src.Line(1), `language is missing: add language = "zh-CN" or "en"`)
		}
	} else if !i18n.Has(m.Language) {
		c.diags.Warnf(m.Src.Value("language", m.Language), "language %q has no interface translation: English is used (set [labels] to translate the interface)", m.Language)
	}
	keys := i18n.Keys()
	for _, k := range sortedKeys(m.Labels) {
		if !slices.Contains(keys, k) {
			msg := fmt.Sprintf("[labels]: %q is not an interface string", k)
			if s := suggest.Closest(k, keys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			c.diags.Errorf(m.Src.Key("labels."+k), "%s", msg)
		}
	}
	c.raciOptions()
	if m.EffectiveDate.IsZero() && !m.Src.Failed("effective_date") {
		c.diags.Warnf(m.Src.Line(1), "effective_date is missing: readers need to know since when the agreement holds (effective_date = 2026-07-01)")
	}
}

// required reports a key that is left out or empty, unless it is written
// but could not be decoded: load reported that already.
func (c *checker) required(doc *source.Doc, key, value string) {
	if strings.TrimSpace(value) == "" && !doc.Failed(key) {
		c.diags.Errorf(doc.Key(key), "%s is missing or empty", key)
	}
}

func (c *checker) teams() {
	seen := map[string]*model.Team{}
	for _, t := range c.h.Teams {
		pos := t.Src.Key(t.Key + ".id")
		switch {
		case t.ID == "" && t.Src.Failed(t.Key+".id"):
		case t.ID == "":
			c.diags.Errorf(t.Src.Key(t.Key), "team has no id")
		case !model.ValidID(t.ID):
			c.diags.Errorf(pos, "team id %q is not a valid id: use lower-case a-z, 0-9 and '-' (for example %q)", t.ID, model.SuggestID(t.ID))
		case seen[t.ID] != nil:
			c.diags.Errorf(pos, "duplicate team id %q (first defined at %s)", t.ID, seen[t.ID].Src.Key(seen[t.ID].Key+".id"))
		default:
			seen[t.ID] = t
		}
		if strings.TrimSpace(t.Name) == "" && !t.Src.Failed(t.Key+".name") {
			c.diags.Errorf(t.Src.Key(t.Key), "team %q has no name", t.ID)
		}
		if !slices.Contains(teamKinds, t.Kind) && !t.Src.Failed(t.Key+".kind") {
			c.diags.Errorf(t.Src.Key(t.Key+".kind"), `team %q: kind must be "internal" or "external", not %q`, t.ID, t.Kind)
		}
	}
}

func (c *checker) roles() {
	for _, r := range c.h.Roles {
		if r.Src.Broken {
			continue // nothing was read; load reported why
		}
		c.required(r.Src, "name", r.Name)
		switch {
		case r.Team == "" && r.Src.Failed("team"):
		case r.Team == "":
			c.diags.Errorf(r.Src.Line(1), "team is missing: every role belongs to a team of teams.toml")
		default:
			c.ref(r.Src, "team", r.Team, "team", c.teamIDs(), c.teamNames())
		}
		team := c.h.TeamByID[r.Team]
		if r.ReportsTo != "" {
			switch {
			case r.ReportsTo == r.ID:
				c.diags.Errorf(r.Src.Value("reports_to", r.ReportsTo), "role %q reports to itself", r.ID)
			case team != nil && team.External():
				c.diags.Errorf(r.Src.Key("reports_to"), "role %q belongs to the external team %q and cannot report to a role of the department: remove reports_to", r.ID, r.Team)
			default:
				c.roleRef(r.Src, "reports_to", r.ReportsTo)
			}
		}
		c.kpis(r)
		if team != nil && team.External() && len(r.Onboarding) > 0 {
			c.diags.Errorf(r.Src.Key("onboarding"), "role %q belongs to the external team %q, which has no onboarding pages: remove onboarding", r.ID, r.Team)
		} else {
			c.onboarding(r)
		}
	}
	c.cycles()
}

func (c *checker) kpis(r *model.Role) {
	if len(r.KPIs) == 0 {
		return
	}
	sum := 0
	names := map[string]bool{}
	for i, k := range r.KPIs {
		key := "kpi." + strconv.Itoa(i)
		if strings.TrimSpace(k.Name) == "" {
			c.diags.Errorf(r.Src.Key(key), "kpi has no name")
		} else if names[k.Name] {
			c.diags.Errorf(r.Src.Key(key+".name"), "duplicate kpi %q", k.Name)
		}
		names[k.Name] = true
		if r.Src.Failed(key + ".weight") {
			return // the sum would be wrong: the weight's own error is reported
		}
		if k.Weight < 0 || k.Weight > 100 {
			c.diags.Errorf(r.Src.Key(key+".weight"), "kpi %q: weight %d is not a percentage between 0 and 100", k.Name, k.Weight)
		}
		sum += k.Weight
	}
	if sum != 100 {
		c.diags.Errorf(r.Src.Key("kpi.0"), "kpi weights of role %q add up to %d, not 100: adjust the weights", r.ID, sum)
	}
}

func (c *checker) onboarding(r *model.Role) {
	seen := map[string]int{}
	for _, entry := range r.Onboarding {
		if n := seen[entry]; n > 0 {
			// Each entry is a section of the role's printed booklet: a
			// repeated one would repeat the page in it.
			c.diags.Errorf(r.Src.NthValue("onboarding", entry, n), "onboarding entry %q is listed more than once: remove the repeat", entry)
		}
		seen[entry]++
		if seen[entry] > 1 || c.sourceExists(entry) {
			continue
		}
		msg := fmt.Sprintf("onboarding entry %q does not exist", entry)
		if strings.HasSuffix(entry, ".md") || strings.HasSuffix(entry, ".toml") {
			msg += fmt.Sprintf(": write source paths without extension (%q)", strings.TrimSuffix(strings.TrimSuffix(entry, ".md"), ".toml"))
		} else if s := suggest.Path(entry, c.sourceKeys()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else if kind, _, _ := strings.Cut(entry, "/"); !slices.Contains([]string{"policies", "workflows", "roles", "pages"}, kind) {
			msg += `: use "policies/<id>", "workflows/<id>", "roles/<id>" or "pages/<path>"`
		} else {
			msg += fmt.Sprintf(": write %s first, or remove the entry", sourceFile(entry))
		}
		c.diags.Errorf(r.Src.Value("onboarding", entry), "%s", msg)
	}
}

// cycles reports each reports_to cycle once, at the role that comes first
// in sorted order. A walk stops at a role an earlier walk met: everything
// above it was walked then, and any cycle there reported. Walking every
// role to the top instead made a long chain quadratic.
func (c *checker) cycles() {
	walked := map[string]bool{}
	for _, r := range c.h.Roles {
		var chain []string
		onChain := map[string]int{}
		cur := r
		for cur != nil && !walked[cur.ID] {
			if i, ok := onChain[cur.ID]; ok {
				cycle := chain[i:]
				first := slices.Min(cycle)
				start := slices.Index(cycle, first)
				loop := append(append(slices.Clone(cycle[start:]), cycle[:start]...), first)
				fr := c.h.RoleByID[first]
				c.diags.Errorf(fr.Src.Value("reports_to", fr.ReportsTo), "reports_to forms a cycle: %s (one of them must report outside the loop, or to no one)", strings.Join(loop, " → "))
				break
			}
			onChain[cur.ID] = len(chain)
			chain = append(chain, cur.ID)
			if cur.ReportsTo == cur.ID {
				break
			}
			cur = c.h.RoleByID[cur.ReportsTo]
		}
		for _, id := range chain {
			walked[id] = true
		}
	}
}

// roleRef checks that a role id named at key exists.
func (c *checker) roleRef(doc *source.Doc, key, id string) bool {
	if id != "" && c.h.RoleByID[id] != nil {
		return true // the common case, without scanning every id (10,000 steps × 300 roles)
	}
	return c.ref(doc, key, id, "role", c.roleIDs(), c.roleNames())
}

// ownerRef checks the owner of a document: a role of the department, who
// keeps it current; an outside party cannot.
func (c *checker) ownerRef(doc *source.Doc, key, id string) {
	if !c.roleRef(doc, key, id) {
		return
	}
	r := c.h.RoleByID[id]
	if t := c.h.TeamByID[r.Team]; t != nil && t.External() {
		why := "an owner keeps the document current"
		if strings.HasSuffix(key, "approver") {
			why = "an approver approves its new versions"
		}
		c.diags.Errorf(doc.Value(key, id), "%s: %q is a role of the external team %q: %s, so it is a role of the department (an external role can be consulted or informed)", lastKey(key), id, r.Team, why)
	}
}

// ref checks that id is among ids; names maps display names to ids so that
// a name written where an id belongs gets the right suggestion.
func (c *checker) ref(doc *source.Doc, key, id, kind string, ids []string, names map[string]string) bool {
	if slices.Contains(ids, id) {
		return true
	}
	pos := doc.Value(key, id)
	if id == "" {
		c.diags.Errorf(pos, "%s: empty %s id", lastKey(key), kind)
		return false
	}
	msg := fmt.Sprintf("%s: unknown %s %q", lastKey(key), kind, id)
	if real, ok := names[id]; ok {
		msg += fmt.Sprintf(" (that is the name of %s %q: write its id)", kind, real)
	} else if s := suggest.Closest(id, ids); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	c.diags.Errorf(pos, "%s", msg)
	return false
}

func lastKey(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

func (c *checker) roleIDs() []string            { return c.roleIDList }
func (c *checker) roleNames() map[string]string { return c.roleNameMap }
func (c *checker) teamIDs() []string            { return c.teamIDList }
func (c *checker) teamNames() map[string]string { return c.teamNameMap }
func (c *checker) sourceExists(key string) bool { return c.keySet[key] }

// sourceFile is the file a source key names: "policies/x" -> policies/x.md.
func sourceFile(key string) string {
	if strings.HasPrefix(key, "workflows/") || strings.HasPrefix(key, "roles/") {
		return key + ".toml"
	}
	return key + ".md"
}
func (c *checker) sourceKeys() []string { return c.keyList }

func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("not positive")
	}
	return d, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// raciOptions checks the thresholds of RACI health advice.
func (c *checker) raciOptions() {
	o, doc := c.h.Meta.RACI, c.h.Meta.Src
	for _, f := range []struct {
		key string
		v   int
	}{{"max_responsible", o.MaxResponsible}, {"max_consulted", o.MaxConsulted}, {"max_accountable_share", o.MaxAccountableShare}, {"max_responsible_load", o.MaxResponsibleLoad}} {
		if f.v < 0 {
			c.diags.Errorf(doc.Key("raci."+f.key), "[raci] %s must be positive (leave it out for the default)", f.key)
		}
	}
	if o.MaxAccountableShare > 100 {
		c.diags.Errorf(doc.Key("raci.max_accountable_share"), "[raci] max_accountable_share is a percentage: at most 100")
	}
}
