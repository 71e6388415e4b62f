package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/diff"
)

const diffUsage = `[flags] OLD NEW [--role ROLE]

Say what changed between two versions of the agreement: roles, teams,
workflows and steps, every RACI cell, responsibilities gained and lost,
policies and pages paragraph by paragraph, glossary terms.

OLD and NEW are each a folder of sources (a handbook, or a folder with the
handbook in content/) or a git ref of the repository holding the current
folder (v1.0, HEAD, a branch, a commit): "accord diff v1.0 content" compares
the tag with the working tree. Git history is read without a checkout.

With --role, only what concerns that role: its own document and letters,
and the workflows where it holds a letter, the policies that apply to it
and the pages of its onboarding, in either version.

A version that no longer passes today's checks is still compared; its
problems are printed on stderr as warnings naming the version.

Exit codes: 0 success, 1 a version cannot be read (or, with --exit-code,
something changed), 2 the command line is wrong.`

// diffFormats are the values of --format.
var diffFormats = []string{"text", "markdown", "json", "html"}

func runDiff(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", diffUsage, stderr)
	format := fs.String("format", "text", "output `format`: text, markdown, json or html")
	color := fs.String("color", "auto", "colour the text format: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	exitCode := fs.Bool("exit-code", false, "exit with 1 when anything changed, 0 when nothing did (for CI)")
	out := fs.String("o", "", "write to `file` instead of stdout")
	role := fs.String("role", "", "only what concerns the `role` (its id)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("expected two versions, OLD and NEW, got %d arguments", len(pos))
	}
	if !contains(diffFormats, *format) {
		return usagef("unknown format %q: use %s", *format, strings.Join(diffFormats, ", "))
	}
	if !contains([]string{"auto", "always", "never"}, *color) {
		return usagef("unknown --color %q: use auto, always or never", *color)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	c, diags, err := generator.Diff(pos[0], pos[1], cwd, *role)
	for _, d := range diags.Items {
		fmt.Fprintln(stderr, d.String())
	}
	var ae *generator.ArgError
	switch {
	case errors.As(err, &ae):
		return usageError{ae.Msg}
	case err != nil:
		return err
	}

	w := stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			return err
		}
		w = file
	}
	bw := bufio.NewWriter(w)
	switch *format {
	case "text":
		err = diff.Text(bw, c, useColor(*color, w))
	case "markdown":
		err = diff.Markdown(bw, c)
	case "json":
		err = diff.JSON(bw, c)
	case "html":
		err = diff.HTML(bw, c, "")
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	if *exitCode && !c.Empty() {
		return errChanged
	}
	return nil
}

// errChanged is --exit-code's "something changed": exit 1, nothing printed.
var errChanged = fmt.Errorf("changed: %w", errHandbook)

// useColor decides whether the text format is coloured: always, never, or
// (auto) when w is a terminal.
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
