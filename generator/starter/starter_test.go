package starter_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/starter"
	"github.com/accord-handbook/accord/internal/sitecheck"
)

func TestWrite_checksCleanAndBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "handbook")
	files, err := starter.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 8 {
		t.Errorf("only %d files written: %v", len(files), files)
	}
	c := generator.Check(os.DirFS(dir), ".")
	for _, d := range c.Diags.Items {
		t.Errorf("check: %s", d)
	}
	h := c.Handbook
	if len(h.Roles) != 3 || len(h.Teams) != 2 || len(h.Workflows) != 1 || len(h.Policies) != 1 || len(h.Terms) != 2 {
		t.Errorf("starter has %d roles, %d teams, %d workflows, %d policies, %d terms",
			len(h.Roles), len(h.Teams), len(h.Workflows), len(h.Policies), len(h.Terms))
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	for _, p := range sitecheck.Links(out) {
		t.Errorf("link: %s", p)
	}
}

// Every TOML file of the starter explains its keys in comments.
func TestFS_tomlIsCommented(t *testing.T) {
	err := fs.WalkDir(starter.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		b, err := fs.ReadFile(starter.FS, p)
		if err != nil {
			return err
		}
		if !strings.Contains(string(b), "# ") {
			t.Errorf("%s has no comment", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWrite_refusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := starter.Write(dir); !errors.Is(err, starter.ErrNotEmpty) {
		t.Fatalf("err = %v, want ErrNotEmpty", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Write touched a non-empty folder: %d entries", len(entries))
	}
}

func TestWrite_emptyFolderIsFine(t *testing.T) {
	if _, err := starter.Write(t.TempDir()); err != nil {
		t.Fatal(err)
	}
}
