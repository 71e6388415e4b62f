// Package testhb writes handbooks for tests, and fingerprints the sites
// built from them: one helper, used by every package's tests, so that a
// fixture is written the same way everywhere.
package testhb

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
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

// Large is Mini with n more pages of a dozen paragraphs each, in one
// folder: a handbook whose build takes long enough to interrupt.
func Large(n int) map[string]string {
	files := maps.Clone(Mini)
	var para strings.Builder
	for j := range 12 {
		fmt.Fprintf(&para, "Paragraph %d: the quick brown fox jumps over the lazy dog; see [the introduction](../index.md) and [the quality policy](../../policies/quality.md).\n\n", j)
	}
	for i := range n {
		files[fmt.Sprintf("pages/many/p%04d.md", i)] = fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n\n# Page %d\n\n%s## Details\n\n- one\n- two\n", i, i, para.String())
	}
	return files
}

// Tree maps every file under dir to a hash of its bytes; a missing dir is
// an empty map.
func Tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(b)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:8])
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return out
}
