package notice

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Report is what `accord review --acks` prints: who must acknowledge a
// version, who has, and what each who has not must still read.
type Report struct {
	Title     string
	Version   string
	Effective model.Date
	AsOf      model.Date
	// First is set for the first published version, which changed
	// nothing anyone read before.
	First    bool
	Entries  []Entry
	RoleName func(id string) string
}

// Outstanding counts the people who have not acknowledged.
func (r *Report) Outstanding() int {
	n := 0
	for _, e := range r.Entries {
		if e.Status == Outstanding {
			n++
		}
	}
	return n
}

func (r *Report) summary() string {
	switch {
	case r.First:
		return fmt.Sprintf("version %s is the first published version: nobody has changes to acknowledge", r.Version)
	case len(r.Entries) == 0:
		return fmt.Sprintf("nobody must acknowledge version %s (no one who holds a role with changes to re-read was here before it took effect, or people.toml lists nobody)", r.Version)
	}
	return fmt.Sprintf("%d of %d acknowledged, %d outstanding", len(r.Entries)-r.Outstanding(), len(r.Entries), r.Outstanding())
}

func (r *Report) heading() string {
	h := fmt.Sprintf("version %s of %s", r.Version, r.Title)
	if !r.Effective.IsZero() {
		h += fmt.Sprintf(" (effective %s)", r.Effective)
	}
	return h + fmt.Sprintf(", as of %s", r.AsOf)
}

func (r *Report) roles(e Entry) string {
	names := make([]string, len(e.Roles))
	for i, id := range e.Roles {
		names[i] = r.RoleName(id)
	}
	return strings.Join(names, ", ")
}

// Text writes the report for a terminal: the people outstanding first,
// each with what they must still read, then those who acknowledged.
// Every name goes through source.EscapeLine.
func (r *Report) Text(w io.Writer, color bool) error {
	paint := func(status, s string) string {
		if !color {
			return s
		}
		if status == Outstanding {
			return "\x1b[31m" + s + "\x1b[0m"
		}
		return "\x1b[32m" + s + "\x1b[0m"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Acknowledgements of %s\n%s\n", source.EscapeLine(r.heading()), r.summary())
	for _, status := range []string{Outstanding, Acknowledged} {
		for _, e := range r.Entries {
			if e.Status != status {
				continue
			}
			fmt.Fprintf(&b, "\n%s  %s (%s) · %s", paint(status, status), source.EscapeLine(e.Person.Name), source.EscapeLine(e.Person.ID), source.EscapeLine(r.roles(e)))
			if status == Acknowledged {
				fmt.Fprintf(&b, " · %s\n", e.Date)
				continue
			}
			b.WriteString("\n")
			tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
			for _, d := range e.Documents {
				fmt.Fprintf(tw, "  %s\t%s\n", source.EscapeLine(d.Key), source.EscapeLine(d.Title))
			}
			tw.Flush()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown writes the report as a table, for a meeting's minutes or an
// issue.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Acknowledgements of %s\n\n**%s**.\n", source.MarkdownLine(r.heading()), r.summary())
	if len(r.Entries) > 0 {
		b.WriteString("\n| Person | Roles | Status | Date | Still to read |\n|---|---|---|---|---|\n")
		for _, e := range r.Entries {
			var docs []string
			if e.Status == Outstanding {
				for _, d := range e.Documents {
					docs = append(docs, source.MarkdownLine(d.Title)+" `"+d.Key+"`")
				}
			}
			fmt.Fprintf(&b, "| %s (`%s`) | %s | %s | %s | %s |\n", source.MarkdownLine(e.Person.Name), e.Person.ID, source.MarkdownLine(r.roles(e)), e.Status, e.Date, strings.Join(docs, "<br>"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON writes the report (docs/review-json.md): one entry per person who
// must acknowledge the version.
func (r *Report) JSON(w io.Writer) error {
	type entry struct {
		Person    string   `json:"person"`
		Name      string   `json:"name"`
		Version   string   `json:"version"`
		Status    string   `json:"status"`
		Date      string   `json:"date,omitempty"`
		Roles     []string `json:"roles"`
		Documents []string `json:"documents"`
	}
	out := struct {
		AsOf             model.Date `json:"as_of"`
		Version          string     `json:"version"`
		EffectiveDate    model.Date `json:"effective_date"`
		Acknowledgements []entry    `json:"acknowledgements"`
	}{AsOf: r.AsOf, Version: r.Version, EffectiveDate: r.Effective, Acknowledgements: []entry{}}
	for _, e := range r.Entries {
		out.Acknowledgements = append(out.Acknowledgements, entry{Person: e.Person.ID, Name: e.Person.Name, Version: r.Version,
			Status: e.Status, Date: e.Date.String(), Roles: e.Roles, Documents: Keys(e.Documents)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
