package diff

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Helpers shared by the writers: how an entity, a value and a version are
// shown whatever the format.

// named shows an entity as "name (id)", or the id alone when it has no
// other name.
func named(name, id string) string {
	if name == "" || name == id {
		return id
	}
	return name + " (" + id + ")"
}

// value shows a field value, with a dash for "unset".
func value(lang, s string) string {
	if s == "" {
		return Label(lang, "none")
	}
	return s
}

// longField reports whether a field change reads better as an inline diff
// than as "old → new": both sides set and one of them a sentence.
func longField(f FieldChange) bool {
	return f.Old != "" && f.New != "" &&
		(utf8.RuneCountInString(f.Old) > 30 || utf8.RuneCountInString(f.New) > 30)
}

// versionLine shows one side: "2.0 (2026-07-01) [v2.0]".
func versionLine(s Side) string {
	out := s.Version
	if out == "" {
		out = "?"
	}
	if s.EffectiveDate != "" {
		out += " (" + s.EffectiveDate + ")"
	}
	if s.Name != "" && s.Name != s.Version {
		out += " [" + s.Name + "]"
	}
	return out
}

// heading is the first line of every format.
func heading(c *ChangeSet) string {
	lang := c.New.Language
	title := c.New.Title
	if title == "" {
		title = c.Old.Title
	}
	h := fmt.Sprintf("%s: %s %s → %s", Label(lang, "title"), title, versionLine(c.Old), versionLine(c.New))
	if c.Role != nil {
		h += " · " + fmt.Sprintf(Label(lang, "for_role"), named(c.Role.Name, c.Role.ID))
	}
	return h
}

// paragraphTitle shows where a paragraph is: "paragraph 3, line 12" in
// the new text, or "old paragraph 2, line 9" for a removed one.
func paragraphTitle(lang string, p ParagraphChange) string {
	idx, line, key := p.NewIndex, p.NewLine, "para"
	if p.Change == Removed {
		idx, line, key = p.OldIndex, p.OldLine, "old_para"
	}
	if line > 0 {
		return fmt.Sprintf(Label(lang, key+"_at"), idx, line)
	}
	return fmt.Sprintf(Label(lang, key), idx)
}

// assignmentPlace shows where a RACI letter sits: "workflow › step".
func assignmentPlace(a Assignment) string {
	return named(a.WorkflowName, a.Workflow) + " › " + named(a.StepName, a.Step)
}

// lineSpans splits spans at line breaks, so that writers whose marks
// cannot cross a line (Markdown emphasis, ANSI colours in a pager) mark
// each line on its own. A span of "\n" alone is a line break.
func lineSpans(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		for i, part := range strings.Split(s.Text, "\n") {
			if i > 0 {
				out = append(out, Span{Op: Equal, Text: "\n"})
			}
			if part != "" {
				out = append(out, Span{Op: s.Op, Text: part})
			}
		}
	}
	return out
}

// kindMark is the one-character sign of a change in text output.
func kindMark(change string) string {
	switch change {
	case Added:
		return "+"
	case Removed:
		return "-"
	}
	return "~"
}
