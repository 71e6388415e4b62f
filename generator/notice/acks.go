package notice

import (
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
)

// How a person stands with a version.
const (
	Acknowledged = "acknowledged"
	Outstanding  = "outstanding"
)

// Version is the version whose acknowledgements are asked about.
type Version struct {
	Number    string
	Effective model.Date
	Lists     Lists // its re-read lists
}

// Entry is one person who must acknowledge a version.
type Entry struct {
	Person    *model.Person
	Roles     []string // the person's roles that have something to re-read
	Documents []Doc    // the union of their re-read lists, in key order
	Status    string   // Acknowledged or Outstanding
	Date      model.Date
}

// Due lists, in the order of people.toml, everyone who must acknowledge v
// as of asOf: whoever holds a role with something to re-read, joined
// before v took effect (or when not said), and has not left by asOf.
// Each says whether acknowledgements (acknowledgements.toml) has theirs.
func Due(v Version, people []*model.Person, acks []*model.Ack, asOf model.Date) []Entry {
	var out []Entry
	for _, p := range people {
		if !p.Joined.IsZero() && !v.Effective.IsZero() && !p.Joined.Before(v.Effective.Time) {
			continue // they start with this version: onboarding, not a change notice
		}
		if !asOf.IsZero() && !p.Present(asOf) {
			continue
		}
		e := Entry{Person: p, Status: Outstanding}
		for _, role := range p.Roles {
			docs := v.Lists[role]
			if len(docs) == 0 || slices.Contains(e.Roles, role) {
				continue
			}
			e.Roles = append(e.Roles, role)
			e.Documents = append(e.Documents, docs...)
		}
		if len(e.Roles) == 0 {
			continue
		}
		slices.SortFunc(e.Documents, func(a, b Doc) int { return strings.Compare(a.Key, b.Key) })
		e.Documents = slices.CompactFunc(e.Documents, func(a, b Doc) bool { return a.Key == b.Key })
		for _, a := range acks {
			if a.Person == p.ID && strings.TrimSpace(a.Version) == v.Number && (e.Date.IsZero() || a.Date.Before(e.Date.Time)) {
				e.Status, e.Date = Acknowledged, a.Date
			}
		}
		out = append(out, e)
	}
	return out
}

// Holders are the people who hold role as of asOf, in the order of
// people.toml.
func Holders(people []*model.Person, role string, asOf model.Date) []*model.Person {
	var out []*model.Person
	for _, p := range people {
		if slices.Contains(p.Roles, role) && (asOf.IsZero() || p.Present(asOf)) &&
			(asOf.IsZero() || p.Joined.IsZero() || !p.Joined.After(asOf.Time)) {
			out = append(out, p)
		}
	}
	return out
}
