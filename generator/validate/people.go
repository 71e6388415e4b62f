package validate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/suggest"
)

// people checks people.toml: each person has a unique id and a name, holds
// roles that exist, and did not leave before joining.
func (c *checker) people() {
	seen := map[string]*model.Person{}
	for _, p := range c.h.People {
		if p.Src.Broken {
			return
		}
		pos := p.Src.Key(p.Key + ".id")
		switch {
		case p.ID == "" && p.Src.Failed(p.Key+".id"):
		case p.ID == "":
			c.diags.Errorf(p.Src.Key(p.Key), "person has no id: add id = \"…\" (lower-case a-z, 0-9 and '-'), which acknowledgements.toml names")
		case !model.ValidID(p.ID):
			c.diags.Errorf(pos, "person id %q is not a valid id: use lower-case a-z, 0-9 and '-' (for example %q)", p.ID, model.SuggestID(p.ID))
		case seen[p.ID] != nil:
			c.diags.Errorf(pos, "duplicate person id %q (first defined at %s): give each person an id of their own", p.ID, seen[p.ID].Src.Key(seen[p.ID].Key+".id"))
		default:
			seen[p.ID] = p
		}
		if strings.TrimSpace(p.Name) == "" && !p.Src.Failed(p.Key+".name") {
			c.diags.Errorf(p.Src.Key(p.Key), "person %q has no name: add name = \"…\", which role pages and sign-off sheets show", p.ID)
		}
		if len(p.Roles) == 0 && !p.Src.Failed(p.Key+".roles") {
			c.diags.Errorf(p.Src.Key(p.Key), "person %q holds no role: add roles = [\"role-id\"]", p.ID)
		}
		held := map[string]bool{}
		for _, r := range p.Roles {
			if held[r] {
				c.diags.Warnf(p.Src.Value(p.Key+".roles", r), "roles: %q is listed twice", r)
				continue
			}
			held[r] = true
			c.roleRef(p.Src, p.Key+".roles", r)
		}
		if !p.Joined.IsZero() && !p.Left.IsZero() && p.Left.Before(p.Joined.Time) {
			c.diags.Errorf(p.Src.Key(p.Key+".left"), "person %q left (%s) before joining (%s): check the dates", p.ID, p.Left, p.Joined)
		}
	}
}

// acks checks acknowledgements.toml against the people: the versions an
// acknowledgement may name are Acks' business, since only a build or
// check that has read [versions] knows them.
func (c *checker) acks() {
	ids := make([]string, 0, len(c.h.People))
	names := map[string]string{}
	for _, p := range c.h.People {
		ids = append(ids, p.ID)
		if p.Name != "" {
			names[p.Name] = p.ID
		}
	}
	sort.Strings(ids)
	type pv struct{ person, version string }
	first := map[pv]source.Pos{}
	for _, a := range c.h.Acks {
		if a.Src.Broken {
			return
		}
		key := a.Key
		if a.Person == "" && !a.Src.Failed(key+".person") {
			c.diags.Errorf(a.Src.Key(key), "acknowledgement has no person: add person = \"<id from people.toml>\"")
		} else if a.Person != "" && c.h.PersonByID[a.Person] == nil {
			c.personRef(a, ids, names)
		}
		if strings.TrimSpace(a.Version) == "" && !a.Src.Failed(key+".version") {
			c.diags.Errorf(a.Src.Key(key), "acknowledgement has no version: add version = %q", c.h.Meta.Version)
		}
		if a.Date.IsZero() && !a.Src.Failed(key+".date") {
			c.diags.Errorf(a.Src.Key(key), "acknowledgement has no date: add date = 2026-07-01, the day it was signed")
		}
		k := pv{a.Person, strings.TrimSpace(a.Version)}
		if at, dup := first[k]; dup && k.person != "" && k.version != "" {
			c.diags.Warnf(a.Src.Key(key), "%s acknowledged version %s already (at %s): remove one", a.Person, k.version, at)
		} else {
			first[k] = a.Src.Key(key)
		}
	}
}

func (c *checker) personRef(a *model.Ack, ids []string, names map[string]string) {
	pos := a.Src.Value(a.Key+".person", a.Person)
	msg := fmt.Sprintf("person: unknown person %q", a.Person)
	switch real, ok := names[a.Person]; {
	case len(ids) == 0:
		msg += " (there is no people.toml: list who holds which role there)"
	case ok:
		msg += fmt.Sprintf(" (that is the name of person %q: write the id)", real)
	default:
		if s := suggest.Closest(a.Person, ids); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (add them to people.toml)"
		}
	}
	c.diags.Errorf(pos, "%s", msg)
}

// Acks checks the version each acknowledgement names against known, the
// versions the handbook publishes (number → effective date): an unknown
// version is an error, an acknowledgement dated before its version took
// effect a warning.
func Acks(h *model.Handbook, known map[string]model.Date) *source.List {
	diags := &source.List{}
	numbers := make([]string, 0, len(known))
	for n := range known {
		numbers = append(numbers, n)
	}
	slices.Sort(numbers)
	for _, a := range h.Acks {
		if a.Src.Broken {
			break
		}
		v := strings.TrimSpace(a.Version)
		if v == "" {
			continue
		}
		effective, ok := known[v]
		switch {
		case !ok:
			msg := fmt.Sprintf("version: unknown version %q: the handbook publishes %s", a.Version, strings.Join(quoted(numbers), ", "))
			if s := suggest.Closest(v, numbers); s != "" && len(numbers) > 1 {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (an earlier version must be listed in [versions] of handbook.toml)"
			}
			diags.Errorf(a.Src.Value(a.Key+".version", a.Version), "%s", msg)
		case !a.Date.IsZero() && !effective.IsZero() && a.Date.Before(effective.Time):
			diags.Warnf(a.Src.Key(a.Key+".date"), "acknowledgement of version %s dated %s, before the version took effect (%s): check the date", v, a.Date, effective)
		}
	}
	return diags
}

func quoted(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
