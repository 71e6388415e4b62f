package generator_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/chromium"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/internal/testhb"
)

// versioned writes a handbook at version 2.0 in DIR/current whose
// [versions] names DIR/old, version 1.0, which had a clerk.
func versioned(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	old := maps.Clone(testhb.Mini)
	old["roles/clerk.toml"] = "name = \"Clerk\"\nteam = \"ops\"\nsummary = \"Files.\"\n"
	testhb.Write(t, filepath.Join(dir, "old"), old)
	cur := maps.Clone(testhb.Mini)
	cur["handbook.toml"] = "title = \"Mini\"\nlanguage = \"en\"\nversion = \"2.0\"\neffective_date = 2026-06-01\n\n[versions]\nfolders = [\"../old\"]\n"
	testhb.Write(t, filepath.Join(dir, "current"), cur)
	return filepath.Join(dir, "current")
}

// TestPDF_refused: what accord pdf refuses before Chromium prints, each
// with a message that says what to do. A Chromium that is never started
// stands in for the real one.
func TestPDF_refused(t *testing.T) {
	t.Setenv(chromium.Env, "/bin/true")
	draft := maps.Clone(testhb.Mini)
	draft["roles/intern.toml"] = "name = \"Intern\"\nteam = \"ops\"\nsummary = \"Learns.\"\ndraft = true\n"
	large := maps.Clone(testhb.Mini)
	for i := range 400 {
		large[fmt.Sprintf("pages/p%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n\nText.\n", i)
	}
	mini, vdir := testhb.Dir(t, testhb.Mini), versioned(t)
	for _, c := range []struct {
		name, dir, role, version, want string
	}{
		{"unknown-role", mini, "enginer", "", "--role enginer: the handbook has no such role (did you mean engineer?); its roles: engineer, lead"},
		{"draft-role", testhb.Dir(t, draft), "intern", "", "--role intern: the role is a draft (draft = true in "},
		{"no-versions", mini, "", "0.9", "--version 0.9: this handbook is version 1.0 and keeps no earlier versions"},
		{"unknown-version", vdir, "", "1.1", "--version 1.1: the handbook has no such version (did you mean 1.0?); its versions: 1.0, 2.0"},
		{"role-of-another-version", vdir, "clerk", "2.0", "--role clerk: version 2.0 has no such role"},
		{"too-large", testhb.Dir(t, large), "", "", "the handbook has 405 roles, workflows, policies and pages: too many to print as one document; print one role's booklet with --role ROLE (engineer, lead)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := generator.PDF(context.Background(), generator.PDFOptions{
				Options: generator.Options{Dir: c.dir, NoGraphs: true}, Role: c.role, Version: c.version})
			var ae *generator.ArgError
			if !errors.As(err, &ae) || !strings.Contains(ae.Msg, c.want) {
				t.Errorf("got %v\nwant an ArgError with %q", err, c.want)
			}
		})
	}
}

// TestPDF_missing: without Chromium nothing is loaded, and the message says
// how to install it.
func TestPDF_missing(t *testing.T) {
	t.Setenv(chromium.Env, "")
	t.Setenv("PATH", t.TempDir())
	_, chk, err := generator.PDF(context.Background(), generator.PDFOptions{Options: generator.Options{Dir: testhb.Dir(t, testhb.Mini)}})
	var me *chromium.MissingError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), "apt-get install -y chromium") || chk != nil {
		t.Errorf("got %v, %v; want a MissingError saying how to install Chromium", chk, err)
	}
}

// TestPDF_handbookErrors: a broken handbook is reported as build reports
// it, and nothing is printed.
func TestPDF_handbookErrors(t *testing.T) {
	t.Setenv(chromium.Env, "/bin/true")
	broken := maps.Clone(testhb.Mini)
	broken["roles/engineer.toml"] = "name = \"Engineer\"\nteam = \"opz\"\n"
	_, chk, err := generator.PDF(context.Background(), generator.PDFOptions{Options: generator.Options{Dir: testhb.Dir(t, broken), NoGraphs: true}})
	var le *source.ListError
	if !errors.As(err, &le) || chk == nil || !chk.Diags.HasErrors() {
		t.Errorf("got %v; want the handbook's errors", err)
	}
}
