package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/health"
	"github.com/accord-handbook/accord/generator/source"
)

func runCheck(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[DIR] [--advice]\n\nValidate the handbook in DIR (default ./content): every problem as file:line:col.", stderr)
	advice := fs.Bool("advice", false, "also print RACI health advice (bottlenecks, silos, overload); advice never fails the check")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := handbookDir(pos)
	if err != nil {
		return err
	}
	// ```dot blocks are laid out to find syntax errors; unchanged ones come
	// from the graph cache.
	gr := graphviz.New(graphviz.DefaultCacheDir())
	defer gr.Close()
	c := generator.Check(os.DirFS(dir), displayDir(dir), gr)
	generator.CheckVersions(c, dir)
	if err := report(c.Diags, stderr); err != nil {
		return err
	}
	h := c.Handbook
	if *advice {
		rep := health.Analyse(h)
		for _, f := range rep.Findings {
			fmt.Fprintf(stdout, "%s: advice: %s\n", f.Pos, f.Message)
		}
		fmt.Fprintf(stdout, "%s of RACI health advice\n", plural(len(rep.Findings), "finding"))
	}
	fmt.Fprintf(stdout, "%s: ok: %d roles, %d workflows, %d policies, %d pages, %d glossary terms\n",
		displayDir(dir), len(h.Roles), len(h.Workflows), len(h.Policies), len(h.Pages), len(h.Terms))
	return nil
}

// report prints diagnostics and a count, and returns errHandbook when any is
// an error.
func report(diags *source.List, stderr io.Writer) error {
	for _, d := range diags.Items {
		fmt.Fprintln(stderr, d.String())
	}
	errs, warns := diags.Count()
	if errs > 0 {
		fmt.Fprintf(stderr, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
		return errHandbook
	}
	if warns > 0 {
		fmt.Fprintf(stderr, "%s\n", plural(warns, "warning"))
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// handbookDir picks the handbook folder from the positional arguments.
func handbookDir(pos []string) (string, error) {
	dir := "content"
	switch len(pos) {
	case 0:
	case 1:
		dir = pos[0]
	default:
		return "", usagef("expected one folder, got %d arguments", len(pos))
	}
	info, err := os.Stat(dir)
	if err != nil {
		return "", usagef("%s: no such folder", dir)
	}
	if !info.IsDir() {
		return "", usagef("%s is not a folder", dir)
	}
	return dir, nil
}

// displayDir is how file names are prefixed in messages: the folder as typed,
// cleaned, so that an editor can open "content/roles/x.toml:3:1".
func displayDir(dir string) string {
	return filepath.ToSlash(filepath.Clean(dir))
}
