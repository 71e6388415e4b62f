package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/session"
	"github.com/accord-handbook/accord/generator/source"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	args, stopProfiling := profiling(args, stderr) // hidden --cpuprofile/--memprofile FILE (profile.go)
	defer stopProfiling()
	fs := newFlags("build", "[DIR] [-o OUT] [--watch] [--force] [--as-of DATE] [--drafts] [--base-url URL]\n\nCompile the handbook in DIR (default ./content) into a static site in OUT (default ./public).\nOUT is replaced atomically: a failed build leaves the previous site as it was.\nWhen neither the handbook nor accord changed since OUT was built, and OUT is as it was\nwritten, the handbook is checked and nothing is rendered.", stderr)
	out := fs.String("o", "public", "output `folder`")
	verbose := fs.Bool("verbose", false, "print what the build did")
	watching := fs.Bool("watch", false, "keep running: rebuild on every change, writing only the files that changed")
	force := fs.Bool("force", false, "render the whole site even when OUT is up to date")
	asOfArg := asOfFlag(fs)
	drafts := fs.Bool("drafts", false, "publish the documents marked draft = true too")
	baseURL := baseURLFlag(fs)
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
	if err := checkBaseURL(*baseURL); err != nil {
		return err
	}
	if *watching {
		return session.Watch(ctx, session.Config{Dir: dir, Name: displayDir(dir), Out: *out, Stdout: stdout, Stderr: stderr, AsOf: asOf, Drafts: *drafts, BaseURL: *baseURL})
	}
	res, err := generator.Build(ctx, generator.Options{Dir: dir, Name: displayDir(dir), Out: *out, Force: *force, AsOf: asOf, Drafts: *drafts, BaseURL: *baseURL})
	if res != nil && res.Checked != nil {
		if res.Checked.Diags.Report(stderr) {
			return errHandbook
		}
	}
	var le *source.ListError
	if errors.As(err, &le) {
		return errHandbook
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: %s left as it was", *out)
	}
	if err != nil {
		return err
	}
	name, outName := source.EscapeLine(displayDir(dir)), source.EscapeLine(*out)
	if res.UpToDate {
		fmt.Fprintf(stdout, "up to date: %s → %s: %d files, nothing changed since they were built (checked in %s; --force renders anyway)\n", name, outName, res.Files, res.Duration.Round(1e6))
		return nil
	}
	fmt.Fprintf(stdout, "built %s → %s: %d files, %.1f MB in %s\n", name, outName, res.Files, float64(res.Bytes)/(1<<20), res.Duration.Round(1e6))
	if *verbose {
		fmt.Fprintf(stdout, "  %s, %s\n", summary(res.Checked.Counts()), count(res.Checked.Counts().Assets, "asset", "assets"))
		fmt.Fprintf(stdout, "  search index: %.0f KB, %d documents, %d terms\n", float64(res.SearchIndexBytes)/1024, res.Search.SearchDocs, res.Search.SearchTerms)
		g := res.Graphs
		fmt.Fprintf(stdout, "  graphs: %d drawn, %d from cache, %d laid out in %s of Graphviz time (%d worker processes started)\n",
			g.Graphs, g.CacheHits, g.Layouts, g.LayoutTime.Round(1e6), g.Workers)
		var parts []string
		for _, st := range res.Stages {
			parts = append(parts, fmt.Sprintf("%s %s", st.Name, st.Took.Round(1e6)))
		}
		fmt.Fprintf(stdout, "  time: %s\n", strings.Join(parts, " · "))
	}
	return nil
}
