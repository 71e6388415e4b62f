package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/accord-handbook/accord/generator/graphviz"
)

// TestMain lets the test binary act as the accord command: testscript puts
// a copy of it named "accord" on the scripts' PATH. Like main, it first
// serves graph layouts when started as a Graphviz worker.
func TestMain(m *testing.M) {
	graphviz.RunWorkerIfAsked()
	testscript.Main(m, map[string]func(){
		"accord": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestCLI runs the scripts in testdata/script: the command line as a user
// types it, with its exit codes and output. Besides testscript's own
// commands, a script may use
//
//	exits CODE command [args...]
//
// which runs the command and fails unless it exits with exactly CODE
// (`! exec` only tells zero from non-zero, and accord's 1 and 2 mean
// different things). Its stdout and stderr are checked as after exec.
func TestCLI(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds:                map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
		// A cache folder of the script's own: graphs and build records.
		// $ACCORD_BIN is the folder of the accord command alone, for a
		// script to set PATH to (accord pdf without Chromium).
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/.cache")
			for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
				if isFile(filepath.Join(dir, "accord")) {
					env.Setenv("ACCORD_BIN", dir)
					break
				}
			}
			return nil
		},
	})
}

func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// TestCheckCases_cli runs `accord check .` in every case folder of
// testdata/check and compares its stderr with the case's want.txt, and its
// exit code with the kind of case: 0 for *-clean and *-warning, 1 for the
// others. It is not parallel: it changes the working directory.
func TestCheckCases_cli(t *testing.T) { checkCases(t, "check", ".", "--as-of", casesAsOf) }

// casesAsOf is the date the check cases are checked as of, as in
// generator/validate's test of them.
const casesAsOf = "2026-12-06"

// TestCheckCases_build: `accord build` reports exactly what `accord check`
// does, though it checks links from the pages' own render (one parse per
// page) when the rest of the handbook is clean.
func TestCheckCases_build(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	checkCases(t, "build", ".", "-o", out, "--as-of", casesAsOf)
}

func checkCases(t *testing.T, args ...string) {
	root, err := filepath.Abs("../../testdata/check")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join(root, e.Name())
			want, err := os.ReadFile(filepath.Join(dir, "want.txt"))
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			var stdout, stderr strings.Builder
			code := run(context.Background(), args, &stdout, &stderr)
			if stderr.String() != string(want) {
				t.Errorf("stderr:\n%s--- want.txt:\n%s", stderr.String(), want)
			}
			wantCode := exitHandbook
			if strings.HasSuffix(e.Name(), "-clean") || strings.HasSuffix(e.Name(), "-warning") {
				wantCode = exitOK
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d", code, wantCode)
			}
		})
	}
}
