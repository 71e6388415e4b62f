package generator_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/internal/testhb"
)

// TestBuild_deterministic: the same sources and date give the same site,
// byte for byte, when the whole site is rendered again (not merely found up
// to date): the shipped handbook, with its earlier version, and a base URL
// so that the feed and the sitemap are written too.
func TestBuild_deterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the shipped handbook twice; -short skips it")
	}
	var sites [2]map[string]string
	for i := range sites {
		out := filepath.Join(t.TempDir(), "public")
		opts := generator.Options{Dir: "../content", Out: out, Force: true, AsOf: day("2027-03-01"),
			BaseURL: "https://intranet.example.com/handbook/", NoGraphs: true}
		if _, err := generator.Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		sites[i] = testhb.Tree(t, out)
	}
	if len(sites[0]) != len(sites[1]) {
		t.Fatalf("%d files, then %d", len(sites[0]), len(sites[1]))
	}
	for name, data := range sites[0] {
		if data != sites[1][name] {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if sites[0]["feed.xml"] == "" || sites[0]["v/2.0/index.html"] == "" {
		t.Error("the site lacks feed.xml or the earlier version: the test does not cover them")
	}
}
