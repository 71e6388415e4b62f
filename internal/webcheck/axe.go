package webcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// Violation is one of axe's, with the elements it found it on.
type Violation struct {
	ID, Impact, Help string
	Nodes            []string // a CSS selector and axe's summary for each element
}

// Serious reports whether v is one a page must not have: serious or critical.
func (v Violation) Serious() bool { return v.Impact == "serious" || v.Impact == "critical" }

func (v Violation) String() string {
	nodes := v.Nodes
	if len(nodes) > 3 {
		nodes = append(nodes[:3:3], fmt.Sprintf("… and %d more", len(v.Nodes)-3))
	}
	return fmt.Sprintf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
}

// RunAxe loads axe (the source Axe returns) into the page of ctx and runs
// its WCAG 2.0 and 2.1 A and AA rules on it.
func RunAxe(ctx context.Context, axe string) ([]Violation, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](axe+";0")); err != nil {
		return nil, fmt.Errorf("load axe: %w", err)
	}
	js := `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
	  .then(r => JSON.stringify(r.violations.map(v => ({ID: v.id, Impact: v.impact, Help: v.help,
	    Nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\s+/g, " "))}))))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("axe: %w", err)
	}
	var vs []Violation
	err = json.Unmarshal([]byte(out), &vs)
	return vs, err
}
