package generator_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/internal/testhb"
)

// TestVersions_heldToCurrentSafety: an earlier version is published under
// the current handbook's rules of what may run script. Its script-carrying
// assets fail the build as errors that name the version (an old folder or
// a pushed tag must not put script on the site), and its raw HTML is
// dropped when the current handbook does not allow raw HTML, even if the
// old one did.
func TestVersions_heldToCurrentSafety(t *testing.T) {
	old := map[string]string{}
	for k, v := range testhb.Mini {
		old[k] = v
	}
	old["handbook.toml"] = strings.Replace(old["handbook.toml"], `version = "1.0"`, `version = "0.5"`, 1) +
		"[markdown]\nraw_html = true\n"
	old["handbook.toml"] = strings.Replace(old["handbook.toml"], "2026-01-01", "2025-06-01", 1)
	old["pages/index.md"] = "+++\ntitle = \"Introduction\"\n+++\n\nWelcome.\n\n<script>alert('old')</script>\n\n<p onclick=\"alert(1)\">x</p>\n"
	cur := map[string]string{}
	for k, v := range testhb.Mini {
		cur[k] = v
	}
	cur["handbook.toml"] += "\n[versions]\nfolders = [\"../old\"]\n"
	root := t.TempDir()
	testhb.Write(t, filepath.Join(root, "old"), old)
	testhb.Write(t, filepath.Join(root, "cur"), cur)

	files, _, err := generator.Compile(context.Background(), generator.Options{Dir: filepath.Join(root, "cur"), Name: "cur", NoGraphs: true})
	if err != nil {
		t.Fatalf("raw HTML alone in an earlier version is dropped, not an error: %v", err)
	}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "v/0.5/") && strings.HasSuffix(f.Path, ".html") &&
			(strings.Contains(string(f.Data), "alert(") || strings.Contains(string(f.Data), "onclick")) {
			t.Errorf("%s carries the old version's raw HTML", f.Path)
		}
	}

	testhb.Write(t, filepath.Join(root, "old"), map[string]string{
		"assets/a.html":  "<script>alert(1)</script>",
		"assets/img.svg": `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`,
	})
	_, c, err := generator.Compile(context.Background(), generator.Options{Dir: filepath.Join(root, "cur"), Name: "cur", NoGraphs: true})
	var le *source.ListError
	if !errors.As(err, &le) {
		t.Fatalf("script in an earlier version's assets: err = %v, want the handbook's errors", err)
	}
	var errs []string
	for _, d := range c.Diags.Items {
		if d.Severity == source.Error {
			errs = append(errs, d.String())
		}
	}
	want := []string{
		"old/assets/a.html: version 0.5: an HTML page in assets/ could run script",
		"old/assets/img.svg:1:1: version 0.5: SVG holds an event handler (onload)",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(errs, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i], w) {
			t.Errorf("error %d = %q, want %q…", i, errs[i], w)
		}
	}
}

// TestBuild_assetNameInURL: an asset whose name holds what a URL reads
// otherwise ("?", "%", a space) is linked percent-encoded, so the link
// finds the file.
func TestBuild_assetNameInURL(t *testing.T) {
	files := map[string]string{}
	for k, v := range testhb.Mini {
		files[k] = v
	}
	files["assets/?q 100%.gif"] = "GIF89a"
	files["pages/index.md"] = "+++\ntitle = \"Introduction\"\n+++\n\n![q](../assets/%3Fq%20100%25.gif)\n"
	out, _, err := generator.Compile(context.Background(), generator.Options{Dir: testhb.Dir(t, files), NoGraphs: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range out {
		if f.Path == "pages/index.html" && !strings.Contains(string(f.Data), `<img src="../assets/%3Fq%20100%25.gif" alt="q">`) {
			t.Errorf("the image's URL:\n%s", f.Data)
		}
		found = found || f.Path == "assets/?q 100%.gif"
	}
	if !found {
		t.Error("the asset is not in the site under its own name")
	}
}

// TestBuild_outputInsideHandbook: a site written inside the handbook is
// never read as its sources: built again and again into assets/ of a
// handbook that allows raw HTML, or into pages/, it does not nest into
// itself, and the check stays clean; the build warns where it writes.
func TestBuild_outputInsideHandbook(t *testing.T) {
	files := map[string]string{}
	for k, v := range testhb.Mini {
		files[k] = v
	}
	files["handbook.toml"] += "[markdown]\nraw_html = true\n"
	dir := testhb.Dir(t, files)
	for _, out := range []string{"assets/site", "pages/site", "theme/site", "public"} {
		counts := map[int]bool{}
		for range 3 {
			res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: filepath.Join(dir, out), Force: true, NoGraphs: true})
			if err != nil {
				t.Fatalf("-o %s: %v", out, err)
			}
			counts[res.Files] = true
			if w := res.Checked.Diags.Items; len(w) != 1 || !strings.Contains(w[0].Msg, "inside the handbook folder") {
				t.Errorf("-o %s: diagnostics %v, want the one warning", out, w)
			}
		}
		if len(counts) != 1 {
			t.Errorf("-o %s: the site grew from build to build: %v files", out, counts)
		}
		if c := generator.Check(generator.Options{Dir: dir, NoGraphs: true}); len(c.Diags.Items) != 0 {
			t.Errorf("-o %s: check after the builds: %v", out, c.Diags.Items)
		}
	}
}
