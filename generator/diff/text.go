package diff

import (
	"fmt"
	"io"
	"strings"
)

// ANSI colours for a terminal.
const (
	red   = "\x1b[31m"
	green = "\x1b[32m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// Text writes the change set for a terminal: one section per kind of
// entity, "+" added, "-" removed, "~" changed. With color, deletions are
// red and insertions green; without, inline changes are written
// [-deleted-]{+inserted+} as `git diff --word-diff` does. The handbook's
// control characters are shown escaped (\x1b), never sent to the terminal.
func Text(w io.Writer, c *ChangeSet, color bool) error {
	c = forTerminal(c)
	p := &textPrinter{w: w, color: color, lang: c.New.Language}
	p.line(0, p.paint(bold, heading(c)))
	if c.Empty() {
		p.line(0, Label(p.lang, "nochange"))
		return p.err
	}
	p.section("handbook", len(c.Handbook) > 0, func() { p.fields(1, c.Handbook) })
	p.section("teams", len(c.Teams) > 0, func() {
		for _, t := range c.Teams {
			p.entity(1, t.Change, named(t.Name, t.ID))
			p.fields(3, t.Fields)
		}
	})
	p.section("roles", len(c.Roles) > 0, func() { p.roles(c.Roles) })
	p.section("workflows", len(c.Workflows) > 0, func() { p.workflows(c.Workflows) })
	p.section("raci", len(c.RACI) > 0, func() { p.raci(c.RACI) })
	p.section("responsibilities", len(c.Responsibilities) > 0, func() { p.responsibilities(c.Responsibilities) })
	p.section("policies", len(c.Policies) > 0, func() {
		for _, pc := range c.Policies {
			p.entity(1, pc.Change, named(pc.Title, pc.ID))
			p.fields(3, pc.Fields)
			p.lists(3, pc.Lists)
			p.paragraphs(3, "text", pc.Text)
		}
	})
	p.section("pages", len(c.Pages) > 0, func() {
		for _, pc := range c.Pages {
			p.entity(1, pc.Change, named(pc.Title, pc.Path))
			p.fields(3, pc.Fields)
			p.paragraphs(3, "text", pc.Text)
		}
	})
	p.section("glossary", len(c.Glossary) > 0, func() {
		for _, t := range c.Glossary {
			p.entity(1, t.Change, t.Term)
			p.fields(3, t.Fields)
			p.lists(3, t.Lists)
		}
	})
	p.section("assets", c.Assets != nil, func() { p.items(1, *c.Assets) })
	return p.err
}

type textPrinter struct {
	w     io.Writer
	err   error
	color bool
	lang  string
}

// line writes one line at an indent of two spaces per level; the lines
// of a multi-line value are indented alike.
func (p *textPrinter) line(indent int, s string) {
	if p.err != nil {
		return
	}
	pad := strings.Repeat("  ", indent)
	_, p.err = fmt.Fprintln(p.w, pad+strings.ReplaceAll(s, "\n", "\n"+pad))
}

func (p *textPrinter) paint(code, s string) string {
	if !p.color || s == "" {
		return s
	}
	return code + s + reset
}

// mark paints a line by the kind of change its sign says.
func (p *textPrinter) mark(change, s string) string {
	switch change {
	case Added:
		return p.paint(green, s)
	case Removed:
		return p.paint(red, s)
	}
	return s
}

func (p *textPrinter) section(key string, show bool, body func()) {
	if !show {
		return
	}
	p.line(0, "")
	p.line(0, p.paint(bold, Label(p.lang, key)))
	body()
}

func (p *textPrinter) entity(indent int, change, what string) {
	p.line(indent, p.mark(change, kindMark(change)+" "+what))
}

func (p *textPrinter) inline(spans []Span) string {
	var b strings.Builder
	for _, s := range lineSpans(spans) {
		switch {
		case s.Op == Delete && p.color:
			b.WriteString(red + s.Text + reset)
		case s.Op == Insert && p.color:
			b.WriteString(green + s.Text + reset)
		case s.Op == Delete:
			b.WriteString("[-" + s.Text + "-]")
		case s.Op == Insert:
			b.WriteString("{+" + s.Text + "+}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func (p *textPrinter) fields(indent int, fs []FieldChange) {
	for _, f := range fs {
		label := fieldLabel(p.lang, f.Field)
		if f.Field == "name" {
			label = Label(p.lang, "renamed")
		}
		if longField(f) {
			p.line(indent, label+": "+p.inline(Inline(f.Old, f.New)))
			continue
		}
		p.line(indent, label+": "+p.paint(red, value(p.lang, f.Old))+" → "+p.paint(green, value(p.lang, f.New)))
	}
}

func (p *textPrinter) lists(indent int, ls []ListChange) {
	for _, l := range ls {
		p.line(indent, fieldLabel(p.lang, l.Field)+":")
		p.items(indent+1, l)
	}
}

func (p *textPrinter) items(indent int, l ListChange) {
	for _, s := range l.Added {
		p.line(indent, p.mark(Added, "+ "+s))
	}
	for _, s := range l.Removed {
		p.line(indent, p.mark(Removed, "- "+s))
	}
	if l.Reordered {
		p.line(indent, "~ "+Label(p.lang, "reordered"))
		p.line(indent+1, Label(p.lang, "old")+": "+strings.Join(l.Old, ", "))
		p.line(indent+1, Label(p.lang, "new")+": "+strings.Join(l.New, ", "))
	}
}

func (p *textPrinter) paragraphs(indent int, key string, ps []ParagraphChange) {
	if len(ps) == 0 {
		return
	}
	p.line(indent, fieldLabel(p.lang, key)+":")
	for _, pc := range ps {
		p.line(indent+1, p.mark(pc.Change, kindMark(pc.Change)+" "+paragraphTitle(p.lang, pc)))
		switch pc.Change {
		case Added:
			p.line(indent+2, p.inline([]Span{{Op: Insert, Text: pc.New}}))
		case Removed:
			p.line(indent+2, p.inline([]Span{{Op: Delete, Text: pc.Old}}))
		default:
			p.line(indent+2, p.inline(pc.Spans))
		}
	}
}
