package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/internal/testhb"
)

// TestServe_changesAreServed edits, adds, deletes and renames files and
// folders under a running `accord serve` and checks that every change is
// served and announced on the live stream.
func TestServe_changesAreServed(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	r := startCommand(t, "serve", dir, "--port", "0")
	base := r.waitOutput(t, `serving \S+ at (http://\S+/)`)
	if code, body := fetch(t, base); code != 200 || !strings.Contains(body, "Mini") || !strings.Contains(body, serve.LivePath) {
		t.Fatalf("home: %d, live script present: %v", code, strings.Contains(body, serve.LivePath))
	}
	live := openLive(t, base)
	live.waitEvent(t, "hello", nil)
	policy := filepath.Join(dir, "policies", "quality.md")
	front := testhb.Mini["policies/quality.md"]

	// served and gone poll: a save can bring a second rebuild whose reload
	// a test may take for the one it waits for.
	served := func(page, want string) {
		t.Helper()
		var code int
		var body string
		if !eventually(func() bool { code, body = fetch(t, base+page); return code == 200 && strings.Contains(body, want) }) {
			t.Errorf("%s: %d, want 200 with %q", page, code, want)
		}
	}
	gone := func(page string) {
		t.Helper()
		var code int
		if !eventually(func() bool { code, _ = fetch(t, base+page); return code == 404 }) {
			t.Errorf("%s: %d, want 404", page, code)
		}
	}

	t.Run("modify", func(t *testing.T) {
		testhb.Write(t, dir, map[string]string{"policies/quality.md": front + "\nFirst edit.\n"})
		live.waitReload(t, "policies/quality.html")
		served("policies/quality.html", "First edit.")
	})
	t.Run("atomic save", func(t *testing.T) {
		// As editors save: a temp file renamed over the source.
		tmp := filepath.Join(dir, "policies", ".quality.md.tmp")
		testhb.Write(t, dir, map[string]string{"policies/.quality.md.tmp": front + "\nSecond edit.\n"})
		if err := os.Rename(tmp, policy); err != nil {
			t.Fatal(err)
		}
		live.waitReload(t, "policies/quality.html")
		served("policies/quality.html", "Second edit.")
	})
	t.Run("add file", func(t *testing.T) {
		testhb.Write(t, dir, map[string]string{"policies/security.md": strings.Replace(front, "Quality", "Security", 1)})
		live.waitReload(t, "policies/security.html")
		served("policies/security.html", "Security")
	})
	t.Run("add folder", func(t *testing.T) {
		testhb.Write(t, dir, map[string]string{"pages/guides/setup.md": "+++\ntitle = \"Setup\"\n+++\n\nInstall it.\n"})
		live.waitReload(t, "pages/guides/setup.html")
		served("pages/guides/setup.html", "Install it.")
	})
	t.Run("rename folder", func(t *testing.T) {
		if err := os.Rename(filepath.Join(dir, "pages", "guides"), filepath.Join(dir, "pages", "howto")); err != nil {
			t.Fatal(err)
		}
		live.waitReload(t, "pages/howto/setup.html")
		served("pages/howto/setup.html", "Install it.")
		gone("pages/guides/setup.html")
		// The renamed folder is watched under its new name.
		testhb.Write(t, dir, map[string]string{"pages/howto/setup.md": "+++\ntitle = \"Setup\"\n+++\n\nInstall it twice.\n"})
		live.waitReload(t, "pages/howto/setup.html")
		served("pages/howto/setup.html", "Install it twice.")
	})
	t.Run("delete folder and file", func(t *testing.T) {
		if err := os.RemoveAll(filepath.Join(dir, "pages", "howto")); err != nil {
			t.Fatal(err)
		}
		live.waitReload(t, "index.html")
		gone("pages/howto/setup.html")
		if err := os.Remove(filepath.Join(dir, "policies", "security.md")); err != nil {
			t.Fatal(err)
		}
		live.waitReload(t, "index.html")
		gone("policies/security.html")
	})
	t.Run("break and fix", func(t *testing.T) {
		testhb.Write(t, dir, map[string]string{"roles/engineer.toml": "name = \"Engineer\"\nteam = \"nope\"\nreports_to = \"lead\"\nsummary = \"Builds.\"\n"})
		data := live.waitEvent(t, "errors", nil)
		if !strings.Contains(data, `roles/engineer.toml"`) || !strings.Contains(data, `"line":2`) {
			t.Errorf("errors event lacks the file and line: %s", data)
		}
		if _, body := fetch(t, base+serve.ProblemsPath[1:]); !strings.Contains(body, "engineer.toml") {
			t.Errorf("problems endpoint: %s", body)
		}
		// The last good site is still served, and a page opened now is
		// told about the problems at once.
		served("policies/quality.html", "Second edit.")
		late := openLive(t, base)
		late.waitEvent(t, "errors", nil)
		if !strings.Contains(r.stderr.String(), "roles/engineer.toml:2:") {
			t.Errorf("terminal lacks file:line:\n%s", r.stderr)
		}

		testhb.Write(t, dir, map[string]string{"roles/engineer.toml": testhb.Mini["roles/engineer.toml"]})
		live.waitEvent(t, "ok", nil)
		late.waitEvent(t, "ok", nil)
		if _, body := fetch(t, base+serve.ProblemsPath[1:]); strings.TrimSpace(body) != "[]" {
			t.Errorf("problems after the fix: %s", body)
		}
	})
	t.Run("editor temp files", func(t *testing.T) {
		// Let the previous step's rebuild finish printing.
		before := -1
		for n := 0; n < 10 && before != strings.Count(r.stdout.String(), "rebuilt"); n++ {
			before = strings.Count(r.stdout.String(), "rebuilt")
			time.Sleep(50 * time.Millisecond)
		}
		testhb.Write(t, dir, map[string]string{"policies/.quality.md.swp": "x", "policies/quality.md~": "x", "policies/4913": "x"})
		testhb.Write(t, dir, map[string]string{"policies/quality.md": front + "\nThird edit.\n"})
		live.waitReload(t, "policies/quality.html")
		// The line is printed just after the reload goes out.
		eventually(func() bool { return strings.Count(r.stdout.String(), "rebuilt") > before })
		time.Sleep(100 * time.Millisecond)
		if n := strings.Count(r.stdout.String(), "rebuilt") - before; n != 1 {
			t.Errorf("%d rebuilds for one save among temp files, want 1:\n%s", n, r.stdout)
		}
	})
	t.Run("traversal", func(t *testing.T) {
		for _, target := range []string{"/../go.mod", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc", "//etc/passwd", `/\..\x`, "/../../../../../../etc/passwd", "/policies/..%2f..%2fhandbook.toml"} {
			code, body := rawRequest(t, base, target)
			if code != 400 && code != 404 {
				t.Errorf("%s: %d, want 400 or 404", target, code)
			}
			if strings.Contains(body, "root:") || strings.Contains(body, "module ") || strings.Contains(body, "effective_date") {
				t.Errorf("%s: file content served: %.80q", target, body)
			}
		}
	})
}

func TestServe_firstBuildBroken(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	testhb.Write(t, dir, map[string]string{"teams.toml": "[[team]]\nid = \"ops\"\nname = \"Operations\"\nkind = \"nowhere\"\n"})
	r := startCommand(t, "serve", dir, "--port", "0")
	base := r.waitOutput(t, `serving \S+ at (http://\S+/)`)
	// Nothing to serve yet, but the server runs, and says why.
	if code, body := fetch(t, base); code != 404 || !strings.Contains(body, serve.LivePath) {
		t.Errorf("home before any good build: %d, live script: %v", code, strings.Contains(body, serve.LivePath))
	}
	live := openLive(t, base)
	if data := live.waitEvent(t, "errors", nil); !strings.Contains(data, "teams.toml") {
		t.Errorf("errors: %s", data)
	}
	testhb.Write(t, dir, map[string]string{"teams.toml": testhb.Mini["teams.toml"]})
	live.waitEvent(t, "reload", nil)
	if code, _ := fetch(t, base); code != 200 {
		t.Errorf("home after the fix: %d", code)
	}
}

func TestServe_commandLine(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", dir, "--port", "70000"}, exitUsage, "--port 70000"},
		{[]string{"serve", dir, "--bind", "no such host!"}, exitHandbook, "cannot listen"},
		{[]string{"serve", filepath.Join(dir, "missing")}, exitUsage, "no such folder"},
	} {
		var out, errb syncBuffer
		if code := run(t.Context(), c.args, &out, &errb); code != c.code || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errb.String(), c.code, c.want)
		}
	}
	// A non-loopback address works, with a warning.
	r := startCommand(t, "serve", dir, "--port", "0", "--bind", "0.0.0.0")
	r.waitOutput(t, `serving \S+ at (http://\S+/)`)
	if !strings.Contains(r.stderr.String(), "warning: --bind 0.0.0.0 is not a loopback address") {
		t.Errorf("no warning for --bind 0.0.0.0:\n%s", r.stderr)
	}
}
