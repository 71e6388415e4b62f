// Package model is the typed handbook: what load produces from the sources
// and what every later stage (validate, raci, graph, render, diff) reads.
//
// Every entity keeps the source Doc it came from so that a check can point at
// the exact key or value. Index builds the lookup maps once; nothing in this
// package reads files.
package model

import (
	"time"

	"github.com/accord-handbook/accord/generator/source"
)

// Handbook is one version of the agreement.
type Handbook struct {
	Meta      Meta        `json:"handbook"`
	Teams     []*Team     `json:"teams"`
	Roles     []*Role     `json:"roles"`
	Workflows []*Workflow `json:"workflows"`
	Policies  []*Policy   `json:"policies"`
	Pages     []*Page     `json:"pages"`
	Terms     []*Term     `json:"glossary"`
	Assets    []string    `json:"assets"` // slash paths under assets/, sorted
	// People and Acks are people.toml and acknowledgements.toml: who
	// holds which role and who has read which version. They are kept out
	// of model.json, which is published with the site.
	People []*Person `json:"-"`
	Acks   []*Ack    `json:"-"`

	TeamByID     map[string]*Team     `json:"-"`
	RoleByID     map[string]*Role     `json:"-"`
	WorkflowByID map[string]*Workflow `json:"-"`
	PolicyByID   map[string]*Policy   `json:"-"`
	PageByPath   map[string]*Page     `json:"-"`
	PersonByID   map[string]*Person   `json:"-"`
}

// Meta is handbook.toml.
type Meta struct {
	Title         string          `toml:"title" json:"title"`
	Language      string          `toml:"language" json:"language"`
	Version       string          `toml:"version" json:"version"`
	EffectiveDate Date            `toml:"effective_date" json:"effective_date,omitzero"`
	Description   string          `toml:"description" json:"description,omitempty"`
	Markdown      MarkdownOptions `toml:"markdown" json:"-"`
	Versions      VersionSources  `toml:"versions" json:"-"`
	RACI          RACIOptions     `toml:"raci" json:"-"`
	Review        ReviewOptions   `toml:"review" json:"review,omitzero"`
	Site          SiteOptions     `toml:"site" json:"-"`
	// Labels overrides interface strings of the site by key.
	Labels map[string]string `toml:"labels" json:"-"`
	Src    *source.Doc       `toml:"-" json:"-"`
}

// MarkdownOptions is the [markdown] table of handbook.toml.
type MarkdownOptions struct {
	// RawHTML lets raw HTML in Markdown reach the pages. Off by default:
	// a handbook has many authors and its readers' browsers trust the site.
	RawHTML bool `toml:"raw_html"`
}

// VersionSources is the [versions] table: where earlier versions come from.
type VersionSources struct {
	GitTags string   `toml:"git_tags"`
	Folders []string `toml:"folders"`
}

// Any reports whether the table names any earlier version.
func (v VersionSources) Any() bool { return v.GitTags != "" || len(v.Folders) > 0 }

// RACIOptions is the [raci] table: thresholds for RACI health advice and
// the independence rules of segregation of duties.
type RACIOptions struct {
	MaxResponsible      int `toml:"max_responsible"`
	MaxConsulted        int `toml:"max_consulted"`
	MaxAccountableShare int `toml:"max_accountable_share"` // percent of all steps
	MaxResponsibleLoad  int `toml:"max_responsible_load"`  // steps per role
	// Independent are the [[raci.independent]] rules, in file order.
	Independent []Independence `toml:"independent"`
}

// Independence is one [[raci.independent]] rule of segregation of duties:
// Role must not report, directly or through others, to any role of From
// (a quality inspector to the sales head whose deliveries it passes).
type Independence struct {
	Role   string   `toml:"role"`
	From   []string `toml:"from"`
	Reason string   `toml:"reason"` // why, shown in the error
}

// SiteOptions is the [site] table: where the site is published.
type SiteOptions struct {
	// BaseURL is the site's address on the intranet, ending in "/": with
	// it the site has canonical links, sitemap.xml and feed.xml.
	BaseURL string `toml:"base_url"`
}

// ReviewOptions is the [review] table: the defaults of document control.
type ReviewOptions struct {
	Cycle    string `toml:"cycle" json:"cycle,omitempty"`       // default review_cycle
	Owner    string `toml:"owner" json:"owner,omitempty"`       // default owner of roles and pages
	Approver string `toml:"approver" json:"approver,omitempty"` // default approver
	// DueSoon is how many days before its due date a document is due
	// soon; nil means the default (30).
	DueSoon *int `toml:"due_soon" json:"due_soon,omitempty"`
	// Editorial lists the documents (keys: "policies/x") whose change in
	// this version is editorial: nobody must re-read them.
	Editorial []string `toml:"editorial" json:"editorial,omitempty"`
}

// Team is one [[team]] of teams.toml.
type Team struct {
	ID          string      `toml:"id" json:"id"`
	Name        string      `toml:"name" json:"name"`
	Kind        string      `toml:"kind" json:"kind"`
	Description string      `toml:"description" json:"description,omitempty"`
	Src         *source.Doc `toml:"-" json:"-"`
	Key         string      `toml:"-" json:"-"` // key path in Src, e.g. "team.2"
}

// External reports whether the team is outside the department.
func (t *Team) External() bool { return t.Kind == "external" }

// Role is roles/<id>.toml plus the optional roles/<id>.md.
type Role struct {
	ID         string   `toml:"-" json:"id"`
	Name       string   `toml:"name" json:"name"`
	Team       string   `toml:"team" json:"team"`
	ReportsTo  string   `toml:"reports_to" json:"reports_to,omitempty"`
	Summary    string   `toml:"summary" json:"summary,omitempty"`
	Duties     []string `toml:"duties" json:"duties"`
	Goals      []string `toml:"goals" json:"goals"`
	KPIs       []KPI    `toml:"kpi" json:"kpis"`
	Onboarding []string `toml:"onboarding" json:"onboarding"`
	// Document control (see Control); empty values take [review]'s.
	Owner       string      `toml:"owner" json:"owner,omitempty"`
	Approver    string      `toml:"approver" json:"approver,omitempty"`
	Reviewed    Date        `toml:"reviewed" json:"reviewed,omitzero"`
	ReviewCycle string      `toml:"review_cycle" json:"review_cycle,omitempty"`
	Draft       bool        `toml:"draft" json:"draft,omitempty"`
	Aliases     []string    `toml:"aliases" json:"aliases,omitempty"` // old ids, redirected to its page
	Src         *source.Doc `toml:"-" json:"-"`
	Body        *source.Doc `toml:"-" json:"-"` // roles/<id>.md, nil when absent
}

// KPI is one [[kpi]] of a role.
type KPI struct {
	Name   string `toml:"name" json:"name"`
	Target string `toml:"target" json:"target"`
	Weight int    `toml:"weight" json:"weight"`
}

// Workflow is workflows/<id>.toml.
type Workflow struct {
	ID      string  `toml:"-" json:"id"`
	Name    string  `toml:"name" json:"name"`
	Owner   string  `toml:"owner" json:"owner"`
	Trigger string  `toml:"trigger" json:"trigger,omitempty"`
	Summary string  `toml:"summary" json:"summary,omitempty"`
	Steps   []*Step `toml:"step" json:"steps"`
	// Document control (see Control); empty values take [review]'s.
	Approver    string      `toml:"approver" json:"approver,omitempty"`
	Reviewed    Date        `toml:"reviewed" json:"reviewed,omitzero"`
	ReviewCycle string      `toml:"review_cycle" json:"review_cycle,omitempty"`
	Draft       bool        `toml:"draft" json:"draft,omitempty"`
	Aliases     []string    `toml:"aliases" json:"aliases,omitempty"`
	Src         *source.Doc `toml:"-" json:"-"`
}

// Step is one [[step]] of a workflow.
type Step struct {
	ID          string   `toml:"id" json:"id"`
	Name        string   `toml:"name" json:"name"`
	Responsible []string `toml:"responsible" json:"responsible"`
	Accountable string   `toml:"accountable" json:"accountable"`
	Consulted   []string `toml:"consulted" json:"consulted"`
	Informed    []string `toml:"informed" json:"informed"`
	Next        []string `toml:"next" json:"next"`
	Outputs     []string `toml:"outputs" json:"outputs"`
	Duration    string   `toml:"duration" json:"duration,omitempty"`
	// Approval marks a step that approves: its accountable role must not
	// be one of its responsible roles (no self-approval).
	Approval bool          `toml:"approval" json:"approval,omitempty"`
	Dur      time.Duration `toml:"-" json:"-"` // parsed Duration, 0 when absent or invalid
	Index    int           `toml:"-" json:"-"` // position in the workflow
}

// Policy is policies/<id>.md.
type Policy struct {
	ID            string    `toml:"-" json:"id"`
	Title         string    `toml:"title" json:"title"`
	Owner         string    `toml:"owner" json:"owner"`
	AppliesTo     AppliesTo `toml:"applies_to" json:"applies_to"`
	ReviewCycle   string    `toml:"review_cycle" json:"review_cycle"`
	EffectiveDate Date      `toml:"effective_date" json:"effective_date,omitzero"`
	Summary       string    `toml:"summary" json:"summary,omitempty"`
	// Document control (see Control); empty values take [review]'s.
	Approver string      `toml:"approver" json:"approver,omitempty"`
	Reviewed Date        `toml:"reviewed" json:"reviewed,omitzero"`
	Draft    bool        `toml:"draft" json:"draft,omitempty"`
	Aliases  []string    `toml:"aliases" json:"aliases,omitempty"`
	Src      *source.Doc `toml:"-" json:"-"`
	Body     []byte      `toml:"-" json:"-"` // Markdown after the front matter
	BodyLine int         `toml:"-" json:"-"` // lines of Src before Body
}

// Page is pages/**/*.md.
type Page struct {
	Path    string `toml:"-" json:"path"` // under pages/, without .md: "runbooks/lc-checklist"
	Title   string `toml:"title" json:"title"`
	Weight  int    `toml:"weight" json:"weight,omitempty"`
	Summary string `toml:"summary" json:"summary,omitempty"`
	// Document control (see Control); empty values take [review]'s.
	Owner       string      `toml:"owner" json:"owner,omitempty"`
	Approver    string      `toml:"approver" json:"approver,omitempty"`
	Reviewed    Date        `toml:"reviewed" json:"reviewed,omitzero"`
	ReviewCycle string      `toml:"review_cycle" json:"review_cycle,omitempty"`
	Draft       bool        `toml:"draft" json:"draft,omitempty"`
	Aliases     []string    `toml:"aliases" json:"aliases,omitempty"` // old paths under pages/, without .md
	Src         *source.Doc `toml:"-" json:"-"`
	Body        []byte      `toml:"-" json:"-"` // Markdown after the front matter
	BodyLine    int         `toml:"-" json:"-"` // lines of Src before Body
}

// Person is one [[person]] of people.toml.
type Person struct {
	ID     string      `toml:"id"`
	Name   string      `toml:"name"`
	Roles  []string    `toml:"roles"`
	Joined Date        `toml:"joined"` // zero: not given
	Left   Date        `toml:"left"`   // zero: still here
	Src    *source.Doc `toml:"-"`
	Key    string      `toml:"-"` // key path in Src, e.g. "person.2"
}

// Present reports whether the person is still in the department on day.
func (p *Person) Present(day Date) bool { return p.Left.IsZero() || p.Left.After(day.Time) }

// Ack is one [[ack]] of acknowledgements.toml: a person has read what a
// version changed for them.
type Ack struct {
	Person  string      `toml:"person"`
	Version string      `toml:"version"`
	Date    Date        `toml:"date"`
	Src     *source.Doc `toml:"-"`
	Key     string      `toml:"-"` // key path in Src, e.g. "ack.0"
}

// Term is one [[term]] of glossary.toml.
type Term struct {
	Term       string      `toml:"term" json:"term"`
	Definition string      `toml:"definition" json:"definition"`
	Aliases    []string    `toml:"aliases" json:"aliases"`
	Src        *source.Doc `toml:"-" json:"-"`
	Key        string      `toml:"-" json:"-"`
}

// AppliesTo is a policy's audience: everyone ("*") or a list of role ids.
type AppliesTo struct {
	All   bool
	Roles []string
}

// UnmarshalTOML accepts "*" or an array of strings.
func (a *AppliesTo) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		if v != "*" {
			return valueErrorf(`applies_to must be "*" (everyone) or an array of role ids, not the string %q`, v)
		}
		a.All = true
		return nil
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return valueErrorf("applies_to must list role ids as strings")
			}
			a.Roles = append(a.Roles, s)
		}
		return nil
	}
	return valueErrorf(`applies_to must be "*" (everyone) or an array of role ids`)
}

// MarshalJSON writes "*" or the list of role ids.
func (a AppliesTo) MarshalJSON() ([]byte, error) {
	if a.All {
		return []byte(`"*"`), nil
	}
	return marshalStrings(a.Roles), nil
}

// Includes reports whether the policy applies to the role.
func (a AppliesTo) Includes(role string) bool {
	if a.All {
		return true
	}
	for _, r := range a.Roles {
		if r == role {
			return true
		}
	}
	return false
}
