package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/source"
)

const reviewUsage = `[DIR] [--as-of DATE] [--format text|markdown|json] [--exit-code]
       accord review --acks [--version V] [DIR] [--as-of DATE] [--format …] [--exit-code]

The review calendar: the documents of the handbook in DIR (its roles,
workflows, policies and pages) that are overdue or due soon for review, by
owner, as of DATE (default: SOURCE_DATE_EPOCH's date, else today). The JSON
format lists every document (docs/review-json.md).

With --acks: who must acknowledge version V (default: the current one) —
everyone who holds a role whose re-read list is not empty (people.toml) —
who has (acknowledgements.toml), and what each who has not must still read.

Exit codes: 0 success (with --exit-code: nothing overdue, or with --acks
nobody outstanding), 1 the handbook has errors (or, with --exit-code, a
document is overdue or an acknowledgement outstanding), 2 the command line
is wrong.`

var reviewFormats = []string{"text", "markdown", "json"}

func runReview(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("review", reviewUsage, stderr)
	format := fs.String("format", "text", "output `format`: text, markdown or json")
	color := fs.String("color", "auto", "colour the text format: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	exitCode := fs.Bool("exit-code", false, "exit with 1 when a document is overdue, or with --acks an acknowledgement outstanding (for a scheduled CI job)")
	acks := fs.Bool("acks", false, "list who must acknowledge a version and who has")
	version := fs.String("version", "", "with --acks: the `version` (default: the current one)")
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
	if *version != "" && !*acks {
		return usagef("--version %s: only --acks takes a version (the review calendar is of the current sources)", *version)
	}
	opts := generator.Options{Dir: dir, Name: displayDir(dir), AsOf: asOf, NoGraphs: true}
	if *acks {
		return reviewAcks(ctx, opts, *version, *format, useColor(*color, stdout), *exitCode, stdout, stderr)
	}
	chk := generator.Check(opts)
	if chk.Diags.Report(stderr) {
		return errHandbook
	}
	rep := chk.Review(asOf)
	if err := writeReport(stdout, rep, *format, useColor(*color, stdout)); err != nil {
		return err
	}
	if *exitCode && rep.Overdue() > 0 {
		return fmt.Errorf("%d documents overdue: %w", rep.Overdue(), errHandbook)
	}
	return nil
}

func reviewAcks(ctx context.Context, opts generator.Options, version, format string, color, exitCode bool, stdout, stderr io.Writer) error {
	rep, chk, err := generator.Acknowledgements(ctx, opts, version)
	if chk != nil && chk.Diags.Report(stderr) {
		return errHandbook
	}
	var ae *generator.ArgError
	switch {
	case errors.As(err, &ae):
		return usageError{ae.Msg}
	case err != nil:
		return err
	}
	if err := writeReport(stdout, rep, format, color); err != nil {
		return err
	}
	if n := rep.Outstanding(); exitCode && n > 0 {
		return fmt.Errorf("%s of version %s outstanding: %w", source.Plural(n, "acknowledgement"), rep.Version, errHandbook)
	}
	return nil
}

// report is what review prints, in each format.
type report interface {
	Text(w io.Writer, color bool) error
	Markdown(w io.Writer) error
	JSON(w io.Writer) error
}

func writeReport(stdout io.Writer, rep report, format string, color bool) error {
	w := bufio.NewWriter(stdout)
	var err error
	switch format {
	case "text":
		err = rep.Text(w, color)
	case "markdown":
		err = rep.Markdown(w)
	case "json":
		err = rep.JSON(w)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}
