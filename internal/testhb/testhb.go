// Package testhb writes handbooks for tests: one helper, used by every
// package's tests, so that a fixture is written the same way everywhere.
package testhb

import (
	"os"
	"path/filepath"
	"testing"
)

// Mini is the smallest handbook with a role, a workflow, a policy and a
// page; it checks clean.
var Mini = map[string]string{
	"handbook.toml":       "title = \"Mini\"\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-01\n",
	"teams.toml":          "[[team]]\nid = \"ops\"\nname = \"Operations\"\nkind = \"internal\"\n",
	"roles/lead.toml":     "name = \"Lead\"\nteam = \"ops\"\nsummary = \"Decides.\"\n",
	"roles/engineer.toml": "name = \"Engineer\"\nteam = \"ops\"\nreports_to = \"lead\"\nsummary = \"Builds.\"\n",
	"workflows/delivery.toml": "name = \"Delivery\"\nowner = \"lead\"\ntrigger = \"An order\"\nsummary = \"Deliver.\"\n\n" +
		"[[step]]\nid = \"build\"\nname = \"Build\"\nresponsible = [\"engineer\"]\naccountable = \"lead\"\n",
	"policies/quality.md": "+++\ntitle = \"Quality\"\nowner = \"lead\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\neffective_date = 2026-01-01\n+++\n\nEvery change is reviewed.\n",
	"pages/index.md":      "+++\ntitle = \"Introduction\"\n+++\n\nWelcome.\n",
}

// Write writes files (slash paths to text) under dir, making folders.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Dir writes files into a new folder "hb" under the test's temp folder
// and returns it.
func Dir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "hb")
	Write(t, dir, files)
	return dir
}
