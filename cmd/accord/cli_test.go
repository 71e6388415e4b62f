package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the accord command: testscript puts
// a copy of it named "accord" on the scripts' PATH.
func TestMain(m *testing.M) {
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
//
// The condition [ready:CMD] holds once the command CMD is more than a stub,
// so scripts test commands that are still being built as soon as they land.
func TestCLI(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds:                map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
		Condition: func(cond string) (bool, error) {
			name, ok := strings.CutPrefix(cond, "ready:")
			if !ok {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			var stderr strings.Builder
			run(context.Background(), []string{name, "-h"}, io.Discard, &stderr)
			return !strings.Contains(stderr.String(), "not built yet"), nil
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
