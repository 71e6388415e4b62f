package main

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/internal/termcheck"
	"github.com/accord-handbook/accord/internal/testhb"
)

// osc retitles the window, erases the line and returns the cursor over it;
// osc52 writes the clipboard; rlo reverses what follows.
const (
	osc   = "\x1b]0;pwned\x07\x1b[2K\r"
	osc52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
	rlo   = "\u202e"
)

// TestTerminal_hostileNamesAreEscaped runs check, build and diff on a
// handbook whose folder, file, role and workflow names hold escape
// sequences: nothing accord prints, on stdout or stderr, holds one raw.
func TestTerminal_hostileNamesAreEscaped(t *testing.T) {
	files := maps.Clone(testhb.Mini)
	files["roles/lead.toml"] = `name = "Lead\u001b]0;pwned\u0007\u001b[2K\r"` + "\nteam = \"ops\"\n"
	files["workflows/delivery.toml"] = strings.Replace(files["workflows/delivery.toml"], `name = "Delivery"`, `name = "Delivery\u001b]52;c;cm0gLXJmIH4=\u0007\u202e"`, 1)
	// A file whose name is no id: an error that names the file.
	files["roles/x"+osc+rlo+".toml"] = "name = \"X\"\nteam = \"ops\"\n"
	root := t.TempDir()
	broken := filepath.Join(root, "hb"+osc52)
	testhb.Write(t, broken, files)
	delete(files, "roles/x"+osc+rlo+".toml")
	good := filepath.Join(root, "good"+osc)
	testhb.Write(t, good, files)
	old := filepath.Join(root, "old")
	testhb.Write(t, old, testhb.Mini)

	for _, args := range [][]string{
		{"check", broken},
		{"check", "--advice", good},
		{"build", broken, "-o", filepath.Join(root, "out1")},
		{"build", good, "-o", filepath.Join(root, "out"+osc)},
		{"build", good, "-o", filepath.Join(root, "out"+osc)}, // up to date
		{"diff", old, good},
		{"diff", "--color=always", old, good},
		{"diff", "--format=markdown", old, good},
		{"diff", old, broken},
	} {
		var stdout, stderr strings.Builder
		code := run(context.Background(), args, &stdout, &stderr)
		name := strings.ReplaceAll(strings.Join(args, " "), root, "$ROOT")
		name = strings.Trim(fmt.Sprintf("%q", name), `"`) // failures must not print raw escapes either
		out := stdout.String()
		if args[0] == "diff" {
			// the one escape accord writes itself: the diff's colours
			out = strings.NewReplacer("\x1b[31m", "", "\x1b[32m", "", "\x1b[1m", "", "\x1b[0m", "").Replace(out)
		}
		termcheck.Safe(t, name+": stdout", out, true)
		termcheck.Safe(t, name+": stderr", stderr.String(), true)
		if stdout.Len()+stderr.Len() == 0 || code == exitUsage {
			t.Errorf("%s: exit %d, nothing printed or a usage error:\n%s", name, code, stderr.String())
		}
	}
}
