package generator

import (
	"io/fs"
	"os"
	"strings"

	"github.com/accord-handbook/accord/generator/health"
	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/review"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/validate"
	"github.com/accord-handbook/accord/generator/versions"
)

// Check is `accord check`: every check of the handbook in opts.Dir, read
// through the same confined folder as a build, with each ```dot block laid
// out (opts.Graphs, or a renderer of its own unless opts.NoGraphs), and
// the problems of [versions] (a tag pattern that is not a glob, a folder
// that does not exist, two versions of one number). Of each earlier
// version it reads only handbook.toml: a build reads them whole and
// reports their problems.
func Check(opts Options) *Checked {
	src := opts.open()
	defer src.close()
	gr := opts.graphs()
	defer gr.close()
	hb := validateStage(loadStage(src.fsys, opts.name(), opts.Markdown), opts.asOf())
	hb.linksStage(nil, gr.r)
	if hb.versioned() && opts.FS == nil {
		if _, err := os.Stat(opts.Dir); err == nil {
			hb.diags.Add(knownVersions(opts, hb))
			hb.diags.Sort()
		}
	}
	return hb.checked()
}

// knownVersions reads only the handbook.toml of each earlier version:
// enough to report the problems of [versions] and to check the versions
// acknowledgements name.
func knownVersions(opts Options, hb *handbook) *source.List {
	earlier, diags := versions.Load(versions.Options{Dir: opts.Dir, Name: hb.name, Meta: hb.h.Meta},
		func(fsys fs.FS, name string) (*model.Handbook, *source.List, *source.List) {
			h, diags := load.Meta(fsys, name)
			return h, diags, &source.List{}
		})
	if diags.HasErrors() {
		return diags
	}
	known := map[string]model.Date{strings.TrimSpace(hb.h.Meta.Version): hb.h.Meta.EffectiveDate}
	for _, v := range earlier {
		known[v.Number] = v.Date
	}
	diags.Add(validate.Acks(hb.h, known))
	return diags
}

// Counts are how many of each kind of source a handbook has.
type Counts struct{ Roles, Workflows, Policies, Pages, Terms, Assets int }

// Counts counts the checked handbook's sources.
func (c *Checked) Counts() Counts {
	h := c.Handbook
	return Counts{len(h.Roles), len(h.Workflows), len(h.Policies), len(h.Pages), len(h.Terms), len(h.Assets)}
}

// Advice is the RACI health advice on a checked handbook: bottlenecks,
// silos, overload. Advice never fails a check.
func (c *Checked) Advice() []health.Finding { return health.Analyse(c.Handbook).Findings }

// Segregation is how the checked handbook meets its rules of segregation
// of duties: its approval steps and its [[raci.independent]] rules.
func (c *Checked) Segregation() health.Segregation {
	return health.AnalyseSegregation(c.Handbook)
}

// Review is the review report of the checked handbook as of asOf: what
// `accord review` prints.
func (c *Checked) Review(asOf model.Date) *review.Report { return review.NewReport(c.Handbook, asOf) }
