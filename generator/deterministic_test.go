package generator_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator"
)

// TestBuild_deterministic: the same sources and date give the same site,
// byte for byte, when the whole site is rendered again (not merely found up
// to date): the shipped handbook, with its earlier version, and a base URL
// so that the feed and the sitemap are written too.
func TestBuild_deterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the shipped handbook twice; -short skips it")
	}
	var sites [2]map[string][]byte
	for i := range sites {
		out := filepath.Join(t.TempDir(), "public")
		opts := generator.Options{Dir: "../content", Out: out, Force: true, AsOf: day("2027-03-01"),
			BaseURL: "https://intranet.example.com/handbook/", NoGraphs: true}
		if _, err := generator.Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		sites[i] = readTree(t, out)
	}
	if len(sites[0]) != len(sites[1]) {
		t.Fatalf("%d files, then %d", len(sites[0]), len(sites[1]))
	}
	for name, data := range sites[0] {
		if !bytes.Equal(data, sites[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if sites[0]["feed.xml"] == nil || sites[0]["v/2.0/index.html"] == nil {
		t.Error("the site lacks feed.xml or the earlier version: the test does not cover them")
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
