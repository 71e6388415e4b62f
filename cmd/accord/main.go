// Command accord compiles a department's collaboration agreement — roles,
// workflows, policies as TOML and Markdown — into a static handbook site.
//
//	accord build [DIR] [-o public]   compile DIR (default ./content)
//	accord serve [DIR]               build, serve on 127.0.0.1, rebuild on change
//	accord check [DIR]               validate only
//	accord diff OLD NEW              what changed between two versions
//	accord review [DIR]              documents overdue or due soon for review
//	accord pdf [DIR]                 the handbook, or a role's booklet, as a PDF
//	accord init DIR                  start a new handbook
//	accord version                   print accord's version (also accord --version)
//
// Exit codes: 0 success (warnings allowed), 1 the handbook has errors,
// 2 the command line is wrong.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/source"
)

func main() {
	graphviz.RunWorkerIfAsked() // a copy started to lay graphs out serves them and exits here
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C ends accord at once, should a step not stop
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK       = 0
	exitHandbook = 1
	exitUsage    = 2
)

// usageError is a command-line mistake: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// handbookError means the handbook has errors, already printed: exit 1.
var errHandbook = errors.New("the handbook has errors")

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"build", "compile a handbook into a static site", runBuild},
		{"serve", "build, serve on 127.0.0.1 and rebuild on every change", runServe},
		{"check", "validate a handbook; every problem as file:line:col", runCheck},
		{"diff", "what changed between two versions of the agreement", runDiff},
		{"review", "the review calendar: documents overdue or due soon, by owner", runReview},
		{"pdf", "print the handbook, or a role's booklet, to PDF", runPDF},
		{"init", "start a new handbook from a starter template", runInit},
		{"version", "print accord's version", runVersion},
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ue usageError
		switch {
		case err == nil:
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "accord %s: %s\nRun 'accord %s -h' for usage.\n", c.name, source.EscapeLine(ue.msg), c.name)
			return exitUsage
		case errors.Is(err, errHandbook):
			return exitHandbook
		case errors.Is(err, errHelp):
			return exitOK
		default:
			// An error may name a file of the handbook, and a panic's
			// has a stack trace: its lines stay, its escapes do not.
			fmt.Fprintf(stderr, "accord %s: %s\n", c.name, source.EscapeText(err.Error()))
			return exitHandbook
		}
	}
	fmt.Fprintf(stderr, "accord: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "accord compiles a collaboration agreement (TOML + Markdown) into a handbook site.")
	fmt.Fprintln(w, "\nUsage: accord <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'accord <command> -h' for a command's flags.")
}

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "\n\nPrint accord's version.", stderr)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintln(stdout, "accord", versionString())
	return nil
}

// version is set at release time with -ldflags "-X main.version=...".
var version = ""

// versionString is the release's version; else the module's version as
// go install recorded it, with the commit when the build knows it.
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && !strings.Contains(v, rev) {
		v += "+" + rev + dirty
	}
	return v
}
