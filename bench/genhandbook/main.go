// Command genhandbook writes a large synthetic handbook for benchmarks
// (package bench/synth): by default 300 roles in 12 teams, 1,000 workflows
// of 10 steps, 1,000 policies, 1,000 pages and 200 glossary terms, all
// passing `accord check`.
//
//	go run ./bench/genhandbook [flags] DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/accord-handbook/accord/bench/synth"
)

func main() {
	o := synth.Default()
	flag.IntVar(&o.Teams, "teams", o.Teams, "teams (a quarter of them external)")
	flag.IntVar(&o.Roles, "roles", o.Roles, "roles")
	flag.IntVar(&o.Workflows, "workflows", o.Workflows, "workflows")
	flag.IntVar(&o.Steps, "steps", o.Steps, "steps per workflow")
	flag.IntVar(&o.Policies, "policies", o.Policies, "policies")
	flag.IntVar(&o.Pages, "pages", o.Pages, "free pages (besides pages/index.md)")
	flag.IntVar(&o.Terms, "terms", o.Terms, "glossary terms")
	flag.IntVar(&o.DotBlocks, "dot", o.DotBlocks, "pages with a ```dot block")
	flag.Uint64Var(&o.Seed, "seed", o.Seed, "random seed")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: genhandbook [flags] DIR\n\nWrite a synthetic handbook into DIR (empty or absent).\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	st, err := synth.Write(flag.Arg(0), o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genhandbook:", err)
		os.Exit(1)
	}
	fmt.Printf("genhandbook: %d files, %.1f MB in %s (%d roles, %d workflows × %d steps, %d policies, %d pages, %d terms)\n",
		st.Files, float64(st.Bytes)/(1<<20), flag.Arg(0), o.Roles, o.Workflows, o.Steps, o.Policies, o.Pages, o.Terms)
}
