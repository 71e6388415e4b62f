// Package webcheck runs the two checkers the tests hold every kind of page
// to: the W3C Nu Html Checker (vnu), which wants valid HTML, and axe-core,
// which wants the WCAG 2.1 AA rules met. Both come from npm (vnu-jar and
// axe-core, versions pinned in .ci/checkers/package-lock.json), which .ci/run
// installs into Dir, outside the repository; vnu runs on Java, which .ci/run
// installs with apt when missing.
//
// Without them a test skips with a loud message, except under CI=true,
// where it fails: CI must run these checks. Under -short they skip.
package webcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Dir is where the npm packages are installed (npm --prefix): the folder
// named by $ACCORD_CHECKERS, else accord-checkers in the user's cache
// folder, where .ci/run puts them.
func Dir() string {
	if d := os.Getenv("ACCORD_CHECKERS"); d != "" {
		return d
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(cache, "accord-checkers")
}

// missing skips the test, or fails it under CI, for a checker not installed.
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s, but CI must run the HTML and accessibility checks (.ci/run installs them)", what)
	}
	t.Skipf("SKIPPING HTML/ACCESSIBILITY CHECK: %s (run .ci/run, or see its checkers section)", what)
}

func short(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("HTML/accessibility check: skipped under -short")
	}
}

// file returns the path of a file of an installed npm package, or skips.
func file(t testing.TB, pkg, name string) string {
	t.Helper()
	dir := Dir()
	p := filepath.Join(dir, "node_modules", pkg, filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		missing(t, fmt.Sprintf("npm package %s is not installed in %s", pkg, dir))
	}
	return p
}

// Axe returns the source of axe.min.js, to run in a page.
func Axe(t testing.TB) string {
	t.Helper()
	short(t)
	b, err := os.ReadFile(file(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// VNU checks that the checker can run here, or skips; call it before
// building what it is to check.
func VNU(t testing.TB) {
	t.Helper()
	short(t)
	file(t, "vnu-jar", "build/dist/vnu.jar")
	if _, err := exec.LookPath("java"); err != nil {
		missing(t, "java is not installed (apt-get install -y default-jre-headless)")
	}
}

// Message is one error vnu found.
type Message struct {
	Type    string `json:"type"`
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

func (m Message) String() string {
	return fmt.Sprintf("%s:%d:%d: %s\n\t%s", strings.TrimPrefix(m.URL, "file:"), m.Line, m.Column, m.Message, strings.ReplaceAll(m.Extract, "\n", "⏎"))
}

// Validate runs vnu once over files and returns its errors (warnings are
// not asked for). One run for all files: Java starts slowly.
func Validate(t testing.TB, files []string) []Message {
	t.Helper()
	VNU(t)
	jar := file(t, "vnu-jar", "build/dist/vnu.jar")
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)
	var out, errOut bytes.Buffer
	cmd := exec.Command("java", args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	// vnu exits 1 when it found errors, and writes its report to stderr.
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("vnu: %v", err)
	}
	var report struct{ Messages []Message }
	if jerr := json.Unmarshal(errOut.Bytes(), &report); jerr != nil {
		t.Fatalf("vnu: %v: %v\n%s%s", err, jerr, out.Bytes(), errOut.Bytes())
	}
	if err != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu: %v with no message\n%s", err, out.Bytes())
	}
	return report.Messages
}
