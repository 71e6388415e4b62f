package review

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// Report is what `accord review` prints: the documents of a handbook as of
// a date. Text and Markdown list the overdue and due-soon ones by owner;
// JSON has every document.
type Report struct {
	Title     string
	AsOf      model.Date
	DueSoon   int // days
	Documents []Document
	RoleName  func(id string) string
}

// NewReport is the report of h as of asOf.
func NewReport(h *model.Handbook, asOf model.Date) *Report {
	return &Report{Title: h.Meta.Title, AsOf: asOf, DueSoon: DueSoonDays(h.Meta.Review),
		Documents: Documents(h, asOf), RoleName: h.RoleName}
}

// Overdue counts the overdue documents.
func (r *Report) Overdue() int { return r.count(Overdue) }

func (r *Report) count(status string) int {
	n := 0
	for _, d := range r.Documents {
		if d.Status == status {
			n++
		}
	}
	return n
}

// group is one owner's overdue and due-soon documents, soonest first.
type group struct {
	owner string
	docs  []Document
}

// due groups the overdue and due-soon documents by owner, owners in the
// order their first document falls due, an unowned group last.
func (r *Report) due() []group {
	var out []group
	at := map[string]int{}
	for _, d := range SortByDue(r.Documents) {
		if d.Status != Overdue && d.Status != DueSoon {
			continue
		}
		i, ok := at[d.Owner]
		if !ok {
			i = len(out)
			at[d.Owner] = i
			out = append(out, group{owner: d.Owner})
		}
		out[i].docs = append(out[i].docs, d)
	}
	return out
}

func (r *Report) ownerName(id string) string {
	if id == "" {
		return "no owner"
	}
	return r.RoleName(id) + " (" + id + ")"
}

func (r *Report) summary() string {
	return fmt.Sprintf("%d overdue, %d due soon (within %d days)", r.Overdue(), r.count(DueSoon), r.DueSoon)
}

// Text writes the report for a terminal; color marks overdue in red and
// due soon in yellow. Every name goes through source.EscapeLine.
func (r *Report) Text(w io.Writer, color bool) error {
	paint := func(status, s string) string {
		if !color {
			return s
		}
		if status == Overdue {
			return "\x1b[31m" + s + "\x1b[0m"
		}
		return "\x1b[33m" + s + "\x1b[0m"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Review calendar of %s as of %s\n%s\n", source.EscapeLine(r.Title), r.AsOf, r.summary())
	for _, g := range r.due() {
		fmt.Fprintf(&b, "\n%s\n", source.EscapeLine(r.ownerName(g.owner)))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, d := range g.docs {
			status := "overdue "
			if d.Status == DueSoon {
				status = "due soon"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", paint(d.Status, status), d.Due, source.EscapeLine(d.Key), source.EscapeLine(d.Title))
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown writes the report as the agenda of a review meeting.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Review calendar: %s, as of %s\n\n**%s**.\n", source.MarkdownLine(r.Title), r.AsOf, r.summary())
	for _, g := range r.due() {
		fmt.Fprintf(&b, "\n## %s\n\n| Document | Kind | Due | Status |\n|---|---|---|---|\n", source.MarkdownLine(r.ownerName(g.owner)))
		for _, d := range g.docs {
			fmt.Fprintf(&b, "| %s `%s` | %s | %s | %s |\n", source.MarkdownLine(d.Title), d.Key, d.Kind, d.Due, d.Status)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON writes every document (docs/review-json.md).
func (r *Report) JSON(w io.Writer) error {
	out := struct {
		AsOf      model.Date `json:"as_of"`
		Documents []Document `json:"documents"`
	}{r.AsOf, r.Documents}
	if out.Documents == nil {
		out.Documents = []Document{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// SortByDue returns docs ordered by due date, then key.
func SortByDue(docs []Document) []Document {
	out := slices.Clone(docs)
	slices.SortStableFunc(out, func(a, b Document) int {
		if c := a.Due.Compare(b.Due.Time); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
