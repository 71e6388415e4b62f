package generator

import (
	"io/fs"
	"os"

	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/health"
	"github.com/accord-handbook/accord/generator/versions"
)

// Check is `accord check`: every check of the handbook in opts.Dir, read
// through the same confined folder as a build, with each ```dot block laid
// out (opts.Graphs, or a renderer of its own unless opts.NoGraphs), and
// the problems of [versions] itself (a tag pattern that is not a glob, a
// folder that does not exist). It reads no earlier version: a build does,
// and reports their problems.
func Check(opts Options) *Checked {
	src := open(opts.Dir)
	defer src.close()
	gr := opts.graphs()
	defer gr.close()
	hb := validateStage(loadStage(src.fsys, opts.name(), opts.Markdown))
	hb.linksStage(nil, gr.r)
	if hb.versioned() {
		if _, err := os.Stat(opts.Dir); err == nil {
			hb.diags.Add(versions.Check(versions.Options{Dir: opts.Dir, Meta: hb.h.Meta}))
			hb.diags.Sort()
		}
	}
	return hb.checked()
}

// CheckFS runs every check of the handbook in fsys; name prefixes file
// names in messages. gr lays out ```dot blocks so that a syntax error is
// reported at its Markdown line; nil skips that check.
func CheckFS(fsys fs.FS, name string, gr *graphviz.Renderer) *Checked {
	hb := validateStage(loadStage(fsys, name, nil))
	hb.linksStage(nil, gr)
	return hb.checked()
}

// Advice is the RACI health advice on a checked handbook: bottlenecks,
// silos, overload. Advice never fails a check.
func (c *Checked) Advice() []health.Finding { return health.Analyse(c.Handbook).Findings }
