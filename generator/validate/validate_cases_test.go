package validate_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/model"
)

var update = flag.Bool("update", false, "rewrite testdata/check/*/want.txt from the current output")

// casesDir holds one small broken handbook per checking rule, each with the
// exact diagnostics `accord check` prints for it in want.txt.
const casesDir = "../../testdata/check"

// TestCheck_cases runs every case of testdata/check through generator.Check
// and compares the diagnostics, one per line, with want.txt: exactly what
// `accord check .` prints on stderr in the case folder (cmd/accord's
// TestCheckCases_cli makes sure). File names are relative to the case folder
// (display name "."), so the files do not depend on where the test runs.
// Run with -update to rewrite want.txt.
func TestCheck_cases(t *testing.T) {
	entries, err := os.ReadDir(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		dir := filepath.Join(casesDir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			c := generator.Check(generator.Options{FS: os.DirFS(dir), Name: ".", NoGraphs: true, AsOf: casesAsOf})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("check took %s: hostile input must be refused quickly", d)
			}
			got := diagLines(c)
			if again := diagLines(generator.Check(generator.Options{FS: os.DirFS(dir), Name: ".", NoGraphs: true, AsOf: casesAsOf})); again != got {
				t.Errorf("two checks disagree:\n%s---\n%s", got, again)
			}
			if strings.Contains(e.Name(), "crlf") {
				b, _ := os.ReadFile(filepath.Join(dir, "handbook.toml"))
				if !strings.HasPrefix(string(b), "\xef\xbb\xbf") || !strings.Contains(string(b), "\r\n") {
					t.Fatal("handbook.toml lost its BOM or CRLF line ends (see testdata/check/.gitattributes)")
				}
			}
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ\n--- got:\n%s--- want:\n%s", got, want)
			}
			// A case named *-clean must have no diagnostics, and one named
			// *-warning none but warnings: `accord check` exits 0 on both.
			errs, warns := c.Diags.Count()
			switch {
			case strings.HasSuffix(e.Name(), "-clean") && errs+warns > 0:
				t.Errorf("a clean case has %d errors and %d warnings", errs, warns)
			case strings.HasSuffix(e.Name(), "-warning") && (errs > 0 || warns == 0):
				t.Errorf("a warning case has %d errors and %d warnings", errs, warns)
			case !strings.HasSuffix(e.Name(), "-clean") && !strings.HasSuffix(e.Name(), "-warning") && errs == 0:
				t.Errorf("an error case has no error")
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d cases in %s", n, casesDir)
	}
}

// diagLines is what `accord check .` prints on stderr in the case folder:
// the diagnostics, then their count unless there are none.
func diagLines(c *generator.Checked) string {
	var b strings.Builder
	for _, d := range c.Diags.Items {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	switch errs, warns := c.Diags.Count(); {
	case errs > 0:
		fmt.Fprintf(&b, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	case warns > 0:
		fmt.Fprintf(&b, "%s\n", plural(warns, "warning"))
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// casesAsOf pins the date the cases are checked as of (a review dated
// after it is a warning): cmd/accord's case tests pass --as-of 2026-12-06.
var casesAsOf = model.Date{Time: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}
