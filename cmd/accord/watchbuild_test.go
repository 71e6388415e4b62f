//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/internal/testhb"
)

// noLiveScript fails when any file of a built site carries serve's script.
func noLiveScript(t *testing.T, out string) {
	t.Helper()
	n := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, _ := os.ReadFile(p)
		if strings.Contains(string(b), serve.LivePath) || strings.Contains(string(b), "EventSource") {
			t.Errorf("%s carries the live-reload script", p)
		}
		return nil
	})
	if n == 0 {
		t.Errorf("%s is empty", out)
	}
}

func TestBuild_noLiveScript(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr syncBuffer
	if code := run(t.Context(), []string{"build", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	noLiveScript(t, out)
}

type stamp struct {
	ino   uint64
	mtime time.Time
}

func stampOf(t *testing.T, p string) stamp {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return stamp{st.Sys().(*syscall.Stat_t).Ino, st.ModTime()}
}

func TestBuildWatch_writesOnlyChangedFiles(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	out := filepath.Join(t.TempDir(), "public")
	r := startCommand(t, "build", "--watch", dir, "-o", out)
	r.waitOutput(t, `(watching) `)
	noLiveScript(t, out)
	css := filepath.Join(out, "_accord", "style.css")
	page := filepath.Join(out, "policies", "quality.html")
	cssBefore, pageBefore := stampOf(t, css), stampOf(t, page)
	time.Sleep(20 * time.Millisecond) // so that a rewrite would show in mtime too

	testhb.Write(t, dir, map[string]string{"policies/quality.md": testhb.Mini["policies/quality.md"] + "\nWatched edit.\n"})
	if !eventually(func() bool {
		b, _ := os.ReadFile(page)
		return strings.Contains(string(b), "Watched edit.")
	}) {
		t.Fatalf("%s never got the edit; stdout:\n%s\nstderr:\n%s", page, r.stdout, r.stderr)
	}
	if got := stampOf(t, css); got != cssBefore {
		t.Errorf("unchanged %s was rewritten: %+v, was %+v", css, got, cssBefore)
	}
	if got := stampOf(t, page); got.ino == pageBefore.ino {
		t.Errorf("%s was not replaced by a rename (same inode)", page)
	}
	r.waitOutput(t, `rebuilt in \d+ms \(1 source changed\): (\d+) written, 0 removed`)

	// A deleted source's page goes away.
	if err := os.Remove(filepath.Join(dir, "policies", "quality.md")); err != nil {
		t.Fatal(err)
	}
	if !eventually(func() bool { _, err := os.Stat(page); return os.IsNotExist(err) }) {
		t.Errorf("%s still there after its source was deleted", page)
	}
	noLiveScript(t, out)

	// A broken save leaves OUT alone; the fix is written.
	testhb.Write(t, dir, map[string]string{"teams.toml": "[[team]]\nid = 3\n"})
	r.waitStderr(t, `(build failed) in`)
	testhb.Write(t, dir, map[string]string{"teams.toml": testhb.Mini["teams.toml"], "policies/quality.md": testhb.Mini["policies/quality.md"]})
	if !eventually(func() bool { _, err := os.Stat(page); return err == nil }) {
		t.Errorf("%s not written again after the fix; stderr:\n%s", page, r.stderr)
	}
	if !strings.Contains(r.stderr.String(), "teams.toml:2:") {
		t.Errorf("stderr lacks file:line:\n%s", r.stderr)
	}
}
