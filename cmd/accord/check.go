package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/source"
)

func runCheck(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[DIR] [--advice] [--as-of DATE]\n\nValidate the handbook in DIR (default ./content): every problem as file:line:col.", stderr)
	advice := fs.Bool("advice", false, "also print RACI health advice (bottlenecks, silos, overload) and how the rules of segregation of duties are met; advice never fails the check")
	asOfArg := asOfFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := handbookDir(pos)
	if err != nil {
		return err
	}
	asOf, err := generator.AsOf(*asOfArg)
	if err != nil {
		return usageError{err.Error()}
	}
	// ```dot blocks are laid out to find syntax errors; unchanged ones come
	// from the graph cache.
	chk := generator.Check(generator.Options{Dir: dir, Name: displayDir(dir), AsOf: asOf})
	if chk.Diags.Report(stderr) {
		return errHandbook
	}
	if *advice {
		findings := chk.Advice()
		for _, f := range findings {
			fmt.Fprintf(stdout, "%s: advice: %s\n", f.Pos, source.EscapeLine(f.Message))
		}
		fmt.Fprintf(stdout, "%s of RACI health advice\n", source.Plural(len(findings), "finding"))
		sod := chk.Segregation()
		for _, line := range sod.Lines() {
			fmt.Fprintf(stdout, "%s\n", source.EscapeLine(line))
		}
		fmt.Fprintf(stdout, "segregation of duties: %s, %s\n", source.Plural(len(sod.Approvals), "approval step"), source.Plural(len(sod.Rules), "independence rule"))
	}
	fmt.Fprintf(stdout, "%s: ok: %s\n", source.EscapeLine(displayDir(dir)), summary(chk.Counts()))
	return nil
}

// handbookDir picks the handbook folder from the positional arguments:
// without one, the current folder when it holds handbook.toml (a command
// run inside a handbook), else ./content (in a clone of accord, the
// shipped handbook).
func handbookDir(pos []string) (string, error) {
	switch len(pos) {
	case 0:
		for _, dir := range []string{".", "content"} {
			if isFile(filepath.Join(dir, "handbook.toml")) {
				return dir, nil
			}
		}
		return "", usagef("no handbook here: neither ./handbook.toml nor ./content/handbook.toml exists; name the handbook's folder (accord <command> DIR), or start one with accord init DIR")
	case 1:
	default:
		return "", usagef("expected one folder, got %d arguments", len(pos))
	}
	dir := pos[0]
	info, err := os.Stat(dir)
	if err != nil {
		return "", usagef("%s: no such folder", dir)
	}
	if !info.IsDir() {
		return "", usagef("%s is not a folder", dir)
	}
	return dir, nil
}

// summary counts what a handbook holds, in English.
func summary(n generator.Counts) string {
	return strings.Join([]string{
		count(n.Roles, "role", "roles"), count(n.Workflows, "workflow", "workflows"),
		count(n.Policies, "policy", "policies"), count(n.Pages, "page", "pages"),
		count(n.Terms, "glossary term", "glossary terms"),
	}, ", ")
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// displayDir is how file names are prefixed in messages: the folder as typed,
// cleaned, so that an editor can open "content/roles/x.toml:3:1".
func displayDir(dir string) string {
	return filepath.ToSlash(filepath.Clean(dir))
}
