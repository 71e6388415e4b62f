package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/accord-handbook/accord/generator"
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
	chk := generator.Check(generator.Options{Dir: dir, Name: displayDir(dir)})
	if chk.Diags.Report(stderr) {
		return errHandbook
	}
	h := chk.Handbook
	if *advice {
		findings := chk.Advice()
		for _, f := range findings {
			fmt.Fprintf(stdout, "%s: advice: %s\n", f.Pos, source.EscapeLine(f.Message))
		}
		fmt.Fprintf(stdout, "%s of RACI health advice\n", source.Plural(len(findings), "finding"))
	}
	fmt.Fprintf(stdout, "%s: ok: %d roles, %d workflows, %d policies, %d pages, %d glossary terms\n",
		source.EscapeLine(displayDir(dir)), len(h.Roles), len(h.Workflows), len(h.Policies), len(h.Pages), len(h.Terms))
	return nil
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
