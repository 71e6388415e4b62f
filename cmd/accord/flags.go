package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/accord-handbook/accord/generator"
	"io"
	"strings"
)

var errHelp = errors.New("help shown")

// newFlags returns a FlagSet whose errors and help go to stderr. Usage
// writes to the FlagSet's output, so that parseArgs can silence the flag
// package's own calls to it and print the help exactly once.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: accord %s %s\n", name, usage)
		var has bool
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseArgs parses flags that may stand before or after the positional
// arguments (`accord build content -o out` and `accord build -o out content`
// both work) and returns the positional arguments. "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	out := fs.Output()
	for {
		fs.SetOutput(io.Discard)
		err := fs.Parse(args)
		fs.SetOutput(out)
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, errHelp
			}
			msg := err.Error()
			if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
				msg = "unknown flag " + rest
			}
			return nil, usageError{msg}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// stringList is a flag that may be given more than once (--allow-host a
// --allow-host b); each value is kept, in order.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ", ") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// asOfFlag adds --as-of: the date documents are due or overdue as of.
func asOfFlag(fs *flag.FlagSet) *string {
	return fs.String("as-of", "", "the `date` (YYYY-MM-DD) documents are due, overdue or scheduled as of; default: SOURCE_DATE_EPOCH's date, else today")
}

// baseURLFlag adds --base-url: the site's address on the intranet.
func baseURLFlag(fs *flag.FlagSet) *string {
	return fs.String("base-url", "", "the site's `address` on the intranet (overrides [site] base_url): canonical links, sitemap.xml and feed.xml")
}

// checkBaseURL is a usage error for a bad --base-url.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	if err := generator.CheckBaseURL(s); err != nil {
		return usagef("--base-url %q: %v", s, err)
	}
	return nil
}
