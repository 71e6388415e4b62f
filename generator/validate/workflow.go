package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/suggest"
)

func (c *checker) workflows() {
	for _, w := range c.h.Workflows {
		if w.Src.Broken {
			continue // nothing was read; load reported why
		}
		c.required(w.Src, "name", w.Name)
		if w.Owner == "" && !w.Src.Failed("owner") {
			c.diags.Errorf(w.Src.Line(1), "owner is missing: name the role that owns this workflow (owner = \"role-id\")")
		} else {
			c.ownerRef(w.Src, "owner", w.Owner)
		}
		if len(w.Steps) == 0 {
			if w.Src.Failed("step") {
				continue
			}
			c.diags.Errorf(w.Src.Line(1), "workflow %q has no steps: add [[step]] tables", w.ID)
			continue
		}
		ids := map[string]int{}
		for i, s := range w.Steps {
			key := fmt.Sprintf("step.%d", i)
			switch {
			case s.ID == "" && w.Src.Failed(key+".id"):
			case s.ID == "":
				c.diags.Errorf(w.Src.Key(key), "step %d has no id", i+1)
			case !model.ValidID(s.ID):
				c.diags.Errorf(w.Src.Value(key+".id", s.ID), "step id %q is not a valid id: use lower-case a-z, 0-9 and '-' (for example %q)", s.ID, model.SuggestID(s.ID))
			default:
				if first, dup := ids[s.ID]; dup {
					c.diags.Errorf(w.Src.Value(key+".id", s.ID), "duplicate step id %q (first used by step %d at %s)", s.ID, first+1, w.Src.Key(fmt.Sprintf("step.%d.id", first)))
				} else {
					ids[s.ID] = i
				}
			}
		}
		stepIDs := make([]string, 0, len(w.Steps))
		for _, s := range w.Steps {
			stepIDs = append(stepIDs, s.ID)
		}
		for i, s := range w.Steps {
			c.step(w, s, fmt.Sprintf("step.%d", i), stepIDs)
		}
	}
}

func (c *checker) step(w *model.Workflow, s *model.Step, key string, stepIDs []string) {
	doc := w.Src
	if strings.TrimSpace(s.Name) == "" && !doc.Failed(key+".name") {
		c.diags.Errorf(doc.Key(key+".name"), "step %q has no name: add name = \"...\"", s.ID)
	}
	if len(s.Responsible) == 0 && !doc.Failed(key+".responsible") {
		c.diags.Errorf(doc.Key(key+".responsible"), "step %q has no responsible role: list at least one in responsible = [...]", s.ID)
	}
	switch {
	case s.Accountable == "" && doc.Failed(key+".accountable"):
	case s.Accountable == "":
		c.diags.Errorf(doc.Key(key+".accountable"), "step %q has no accountable role: name exactly one (accountable = \"role-id\")", s.ID)
	default:
		c.roleRef(doc, key+".accountable", s.Accountable)
	}
	for _, list := range []struct {
		name string
		ids  []string
	}{{"responsible", s.Responsible}, {"consulted", s.Consulted}, {"informed", s.Informed}} {
		seen := map[string]bool{}
		for _, id := range list.ids {
			if seen[id] {
				c.diags.Warnf(doc.Value(key+"."+list.name, id), "%s lists %q twice", list.name, id)
				continue
			}
			seen[id] = true
			c.roleRef(doc, key+"."+list.name, id)
		}
	}
	c.conflictingLetters(w, s, key)
	c.approval(w, s, key)
	for _, n := range s.Next {
		if slices.Contains(stepIDs, n) {
			continue
		}
		msg := fmt.Sprintf("next: unknown step %q in workflow %q", n, w.ID)
		if sg := suggest.Closest(n, stepIDs); sg != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", sg)
		}
		c.diags.Errorf(doc.Value(key+".next", n), "%s", msg)
	}
	if s.Duration != "" {
		d, err := parseDuration(s.Duration)
		if err != nil {
			hint := ""
			if strings.HasSuffix(s.Duration, "d") {
				hint = ": days are written in hours (\"48h\" for two days)"
			} else {
				hint = ": use Go duration syntax such as \"30m\", \"4h\" or \"120h\""
			}
			c.diags.Errorf(doc.Value(key+".duration", s.Duration), "duration %q is not a valid duration%s", s.Duration, hint)
		}
		s.Dur = d
	}
}

// conflictingLetters flags a role that is both consulted or informed and
// responsible or accountable on one step: the lesser letter is noise.
func (c *checker) conflictingLetters(w *model.Workflow, s *model.Step, key string) {
	doing := func(id string) bool { return id == s.Accountable || slices.Contains(s.Responsible, id) }
	for _, list := range []struct {
		name string
		ids  []string
	}{{"consulted", s.Consulted}, {"informed", s.Informed}} {
		for _, id := range list.ids {
			if doing(id) {
				c.diags.Warnf(w.Src.Value(key+"."+list.name, id), "step %q: role %q is already responsible or accountable, so listing it as %s says nothing", s.ID, id, list.name)
			}
		}
	}
}
