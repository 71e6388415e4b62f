package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/accord-handbook/accord/generator"
)

const reviewUsage = `[DIR] [--as-of DATE] [--format text|markdown|json] [--exit-code]

The review calendar: the documents of the handbook in DIR (its roles,
workflows, policies and pages) that are overdue or due soon for review, by
owner, as of DATE (default: SOURCE_DATE_EPOCH's date, else today). The JSON
format lists every document (docs/review-json.md).

Exit codes: 0 success (with --exit-code: nothing overdue), 1 the handbook has
errors (or, with --exit-code, a document is overdue), 2 the command line is
wrong.`

var reviewFormats = []string{"text", "markdown", "json"}

func runReview(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("review", reviewUsage, stderr)
	format := fs.String("format", "text", "output `format`: text, markdown or json")
	color := fs.String("color", "auto", "colour the text format: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	exitCode := fs.Bool("exit-code", false, "exit with 1 when a document is overdue (for a scheduled CI job)")
	asOfArg := asOfFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := handbookDir(pos)
	if err != nil {
		return err
	}
	if !contains(reviewFormats, *format) {
		return usagef("unknown format %q: use %s", *format, strings.Join(reviewFormats, ", "))
	}
	if !contains([]string{"auto", "always", "never"}, *color) {
		return usagef("unknown --color %q: use auto, always or never", *color)
	}
	asOf, err := generator.AsOf(*asOfArg)
	if err != nil {
		return usageError{err.Error()}
	}
	chk := generator.Check(generator.Options{Dir: dir, Name: displayDir(dir), AsOf: asOf, NoGraphs: true})
	if chk.Diags.Report(stderr) {
		return errHandbook
	}
	rep := chk.Review(asOf)
	w := bufio.NewWriter(stdout)
	switch *format {
	case "text":
		err = rep.Text(w, useColor(*color, stdout))
	case "markdown":
		err = rep.Markdown(w)
	case "json":
		err = rep.JSON(w)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if *exitCode && rep.Overdue() > 0 {
		return fmt.Errorf("%d documents overdue: %w", rep.Overdue(), errHandbook)
	}
	return nil
}
