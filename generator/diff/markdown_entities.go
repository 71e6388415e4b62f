package diff

import (
	"fmt"
	"strings"
)

func (m *mdPrinter) roles(rs []RoleChange) {
	for _, r := range rs {
		m.entity(r.Change, r.Name, r.ID)
		m.fields(r.Fields, "")
		m.lists(r.Lists, "")
		for _, k := range r.KPIs {
			m.printf("- **%s** %s (%s): %s\n", Label(m.lang, "kpi"), mdEscape(k.Name), Label(m.lang, k.Change), mdEscape(m.kpi(k)))
		}
		m.paragraphs("long_description", r.Description)
	}
}

func (m *mdPrinter) kpi(k KPIChange) string {
	if k.Change != Changed {
		return fmt.Sprintf("%s %s, %s %d%%", Label(m.lang, "target"), k.Target, Label(m.lang, "weight"), k.Weight)
	}
	var parts []string
	for _, f := range k.Fields {
		parts = append(parts, fieldLabel(m.lang, f.Field)+" "+value(m.lang, f.Old)+" → "+value(m.lang, f.New))
	}
	return strings.Join(parts, "; ")
}

func (m *mdPrinter) workflows(ws []WorkflowChange) {
	for _, w := range ws {
		m.entity(w.Change, w.Name, w.ID)
		m.fields(w.Fields, "")
		if w.Reordered {
			m.printf("- **%s:** %s → %s\n", Label(m.lang, "steps_reordered"),
				mdEscape(strings.Join(w.OldOrder, ", ")), mdEscape(strings.Join(w.NewOrder, ", ")))
		}
		for _, s := range w.Steps {
			m.printf("- %s %s `%s` (%s)\n", Label(m.lang, "step"), mdEscape(s.Name), s.ID, Label(m.lang, s.Change))
			m.fields(s.Fields, "  ")
			m.lists(s.Lists, "  ")
		}
	}
}

func (m *mdPrinter) responsibilities(rs []RoleResponsibilities) {
	for _, r := range rs {
		m.printf("- **%s**\n", mdEscape(named(r.RoleName, r.Role)))
		for _, a := range r.Gained {
			m.printf("  - %s **%s**: %s\n", Label(m.lang, "gained"), a.Letter, mdEscape(assignmentPlace(a)))
		}
		for _, a := range r.Lost {
			m.printf("  - %s ~~%s~~: %s\n", Label(m.lang, "lost"), a.Letter, mdEscape(assignmentPlace(a)))
		}
	}
}

// mdSpecial are the characters that would turn the handbook's text into
// Markdown of the minutes; each gets a backslash.
var mdSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "&", `\&`,
)

func mdEscape(s string) string { return mdSpecial.Replace(s) }

// mdInline writes an inline diff. Emphasis cannot cross a line break, and
// CommonMark ignores `**` next to a space on its inner side, so each line's
// marks are set around the span's text without its outer spaces. Lines
// after the first are indented to stay inside the list item; a line that
// would start a list is escaped.
func mdInline(spans []Span, indent string) string {
	var b strings.Builder
	startOfLine := true
	for _, s := range lineSpans(spans) {
		if s.Text == "\n" && s.Op == Equal {
			b.WriteString("<br>\n" + indent)
			startOfLine = true
			continue
		}
		text := mdEscape(s.Text)
		if startOfLine {
			text = escapeLineStart(text)
			startOfLine = false
		}
		mark := ""
		switch s.Op {
		case Delete:
			mark = "~~"
		case Insert:
			mark = "**"
		}
		if mark == "" {
			b.WriteString(text)
			continue
		}
		core := strings.TrimSpace(text)
		if core == "" {
			b.WriteString(text)
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		b.WriteString(lead + mark + core + mark + trail)
	}
	return b.String()
}

// escapeLineStart stops a paragraph line from becoming a list item or a
// numbered list in the minutes.
func escapeLineStart(s string) string {
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
