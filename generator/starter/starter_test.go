package starter_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/starter"
	"github.com/accord-handbook/accord/internal/sitecheck"
)

func TestLanguages(t *testing.T) {
	langs := starter.Languages()
	if !slices.Contains(langs, starter.DefaultLanguage) || !slices.Contains(langs, "zh-CN") {
		t.Errorf("Languages() = %v", langs)
	}
	if _, err := starter.FS("fr"); err == nil || !strings.Contains(err.Error(), "en, zh-CN") {
		t.Errorf("FS(fr) error = %v", err)
	}
}

func TestWrite_checksCleanAndBuilds(t *testing.T) {
	for _, lang := range starter.Languages() {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "handbook")
			files, err := starter.Write(dir, lang)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) < 8 {
				t.Errorf("only %d files written: %v", len(files), files)
			}
			c := generator.Check(generator.Options{FS: os.DirFS(dir), Name: ".", NoGraphs: true})
			for _, d := range c.Diags.Items {
				t.Errorf("check: %s", d)
			}
			h := c.Handbook
			if h.Meta.Language != lang {
				t.Errorf("language = %q", h.Meta.Language)
			}
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
		})
	}
}

// The languages hold the same files, and every TOML file explains its keys
// in comments.
func TestFS_sameFilesAndCommented(t *testing.T) {
	var first []string
	for _, lang := range starter.Languages() {
		src, err := starter.FS(lang)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files = append(files, p)
			if !strings.HasSuffix(p, ".toml") {
				return nil
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			if !strings.Contains(string(b), "# ") {
				t.Errorf("%s/%s has no comment", lang, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = files
		} else if !slices.Equal(files, first) {
			t.Errorf("%s has files %v, want %v", lang, files, first)
		}
	}
}

func TestWrite_refusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := starter.Write(dir, starter.DefaultLanguage); !errors.Is(err, starter.ErrNotEmpty) {
		t.Fatalf("err = %v, want ErrNotEmpty", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Write touched a non-empty folder: %d entries", len(entries))
	}
	if _, err := starter.Write(mine, starter.DefaultLanguage); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("Write onto a file: err = %v", err)
	}
}

func TestWrite_emptyFolderIsFine(t *testing.T) {
	if _, err := starter.Write(t.TempDir(), starter.DefaultLanguage); err != nil {
		t.Fatal(err)
	}
}

// TestWrite_peopleUncommented: people.toml and acknowledgements.toml come
// commented out; with their examples uncommented the starter still checks
// clean, and its role pages name the holders.
func TestWrite_peopleUncommented(t *testing.T) {
	for _, lang := range starter.Languages() {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "handbook")
			if _, err := starter.Write(dir, lang); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"people.toml", "acknowledgements.toml"} {
				p := filepath.Join(dir, name)
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				var out []string
				examples := false
				for _, line := range strings.Split(string(b), "\n") {
					if strings.HasPrefix(line, "# [[") {
						examples = true
					}
					if examples {
						line = strings.TrimPrefix(strings.TrimPrefix(line, "# "), "#")
					}
					out = append(out, line)
				}
				if !examples {
					t.Fatalf("%s has no commented example", name)
				}
				if err := os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c := generator.Check(generator.Options{FS: os.DirFS(dir), Name: ".", NoGraphs: true})
			for _, d := range c.Diags.Items {
				t.Errorf("check: %s", d)
			}
			if len(c.Handbook.People) != 2 || len(c.Handbook.Acks) != 1 {
				t.Errorf("%d people and %d acknowledgements", len(c.Handbook.People), len(c.Handbook.Acks))
			}
		})
	}
}
