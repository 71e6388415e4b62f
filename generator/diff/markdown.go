package diff

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes the change set as Markdown to paste into review
// minutes: a heading per kind of entity, a table of RACI cells, and
// rewritten paragraphs with ~~deleted~~ and **inserted** text. The
// handbook's own text is escaped, so its Markdown shows as written, and
// so are its control characters, for the terminal it is often read in.
func Markdown(w io.Writer, c *ChangeSet) error {
	c = forTerminal(c)
	m := &mdPrinter{w: w, lang: c.New.Language}
	m.printf("# %s\n", mdEscape(heading(c)))
	if c.Empty() {
		m.printf("\n%s\n", Label(m.lang, "nochange"))
		return m.err
	}
	if len(c.Handbook) > 0 {
		m.section("handbook", false)
		m.table([]string{"field", "old", "new"}, len(c.Handbook), func(i int) []string {
			f := c.Handbook[i]
			return []string{fieldLabel(m.lang, f.Field), value(m.lang, f.Old), value(m.lang, f.New)}
		})
	}
	if len(c.Teams) > 0 {
		m.section("teams", true)
		for _, t := range c.Teams {
			m.entity(t.Change, t.Name, t.ID)
			m.fields(t.Fields, "")
		}
	}
	if len(c.Roles) > 0 {
		m.section("roles", true)
		m.roles(c.Roles)
	}
	if len(c.Workflows) > 0 {
		m.section("workflows", true)
		m.workflows(c.Workflows)
	}
	if len(c.RACI) > 0 {
		m.section("raci", false)
		m.table([]string{"workflow", "step", "role", "old", "new"}, len(c.RACI), func(i int) []string {
			r := c.RACI[i]
			return []string{named(r.WorkflowName, r.Workflow), named(r.StepName, r.Step),
				named(r.RoleName, r.Role), value(m.lang, r.Old), value(m.lang, r.New)}
		})
	}
	if len(c.Responsibilities) > 0 {
		m.section("responsibilities", false)
		m.responsibilities(c.Responsibilities)
	}
	m.documents(c)
	return m.err
}

type mdPrinter struct {
	w    io.Writer
	err  error
	lang string
	// heading is set after an entity's heading: a list that follows needs
	// a blank line first, the next heading does not.
	heading bool
}

func (m *mdPrinter) printf(format string, args ...any) {
	if m.heading && !strings.HasPrefix(format, "\n") {
		format = "\n" + format
	}
	m.heading = false
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// section starts a section. Entities bring their own blank line before
// their heading; other content (a table, a list) needs one here.
func (m *mdPrinter) section(key string, entities bool) {
	m.printf("\n## %s\n", Label(m.lang, key))
	if !entities {
		m.printf("\n")
	}
}

// entity starts an entity: a third-level heading with the change.
func (m *mdPrinter) entity(change, name, id string) {
	m.printf("\n### %s `%s` — %s\n", mdEscape(name), strings.ReplaceAll(id, "`", ""), Label(m.lang, change))
	m.heading = true
}

// table writes a table; cells are escaped here, once.
func (m *mdPrinter) table(head []string, n int, row func(int) []string) {
	cells := make([]string, len(head))
	for i, h := range head {
		cells[i] = Label(m.lang, h)
	}
	m.printf("| %s |\n|%s\n", strings.Join(cells, " | "), strings.Repeat(" --- |", len(head)))
	for i := range n {
		r := row(i)
		for j := range r {
			r[j] = strings.ReplaceAll(mdEscape(r[j]), "\n", "<br>")
		}
		m.printf("| %s |\n", strings.Join(r, " | "))
	}
}

func (m *mdPrinter) fields(fs []FieldChange, indent string) {
	for _, f := range fs {
		label := fieldLabel(m.lang, f.Field)
		if f.Field == "name" {
			label = Label(m.lang, "renamed")
		}
		if longField(f) {
			m.printf("%s- **%s:** %s\n", indent, label, mdInline(Inline(f.Old, f.New), indent+"  "))
			continue
		}
		m.printf("%s- **%s:** %s → %s\n", indent, label, mdEscape(value(m.lang, f.Old)), mdEscape(value(m.lang, f.New)))
	}
}

func (m *mdPrinter) lists(ls []ListChange, indent string) {
	for _, l := range ls {
		m.printf("%s- **%s:**\n", indent, fieldLabel(m.lang, l.Field))
		m.items(l, indent+"  ")
	}
}

func (m *mdPrinter) items(l ListChange, indent string) {
	for _, s := range l.Added {
		m.printf("%s- %s: **%s**\n", indent, Label(m.lang, Added), mdEscape(s))
	}
	for _, s := range l.Removed {
		m.printf("%s- %s: ~~%s~~\n", indent, Label(m.lang, Removed), mdEscape(s))
	}
	if l.Reordered {
		m.printf("%s- %s: %s → %s\n", indent, Label(m.lang, "reordered"),
			mdEscape(strings.Join(l.Old, ", ")), mdEscape(strings.Join(l.New, ", ")))
	}
}

func (m *mdPrinter) paragraphs(key string, ps []ParagraphChange) {
	if len(ps) == 0 {
		return
	}
	m.printf("- **%s:**\n", fieldLabel(m.lang, key))
	for _, p := range ps {
		spans := p.Spans
		switch p.Change {
		case Added:
			spans = []Span{{Op: Insert, Text: p.New}}
		case Removed:
			spans = []Span{{Op: Delete, Text: p.Old}}
		}
		m.printf("  - %s (%s):\n\n    %s\n\n", paragraphTitle(m.lang, p), Label(m.lang, p.Change), mdInline(spans, "    "))
	}
}

func (m *mdPrinter) documents(c *ChangeSet) {
	if len(c.Policies) > 0 {
		m.section("policies", true)
		for _, p := range c.Policies {
			m.entity(p.Change, p.Title, p.ID)
			m.fields(p.Fields, "")
			m.lists(p.Lists, "")
			m.paragraphs("text", p.Text)
		}
	}
	if len(c.Pages) > 0 {
		m.section("pages", true)
		for _, p := range c.Pages {
			m.entity(p.Change, p.Title, p.Path)
			m.fields(p.Fields, "")
			m.paragraphs("text", p.Text)
		}
	}
	if len(c.Glossary) > 0 {
		m.section("glossary", false)
		for _, t := range c.Glossary {
			m.printf("- **%s** (%s)\n", mdEscape(t.Term), Label(m.lang, t.Change))
			m.fields(t.Fields, "  ")
			m.lists(t.Lists, "  ")
		}
	}
	if c.Assets != nil {
		m.section("assets", false)
		m.items(*c.Assets, "")
	}
}
