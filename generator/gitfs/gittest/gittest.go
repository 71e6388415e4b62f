// Package gittest makes real git repositories inside tests: a temporary
// folder, files written from a map, commits with fixed dates and tags. It
// isolates git from the user's configuration so tests pass on any machine,
// and skips (loudly) where git is not installed.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Repo is a git repository in a temporary folder.
type Repo struct {
	Dir     string
	t       testing.TB
	commits int
}

// New creates an empty repository with one branch, main. It skips the test
// when git is missing: gitfs cannot work without it, and that must show.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("SKIPPED: the git command is not on PATH, so reading versions from git is NOT tested here")
	}
	r := &Repo{Dir: t.TempDir(), t: t}
	r.Git("init", "--quiet", "--initial-branch=main")
	return r
}

// Git runs git in the repository and returns its output, failing the test
// on error. The user's and the system's configuration are ignored, and
// author, committer and dates are fixed so commit ids are reproducible.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	date := strconv.Itoa(1767225600+r.commits*86400) + " +0000" // 2026-01-01, one day per commit
	cmd := exec.Command("git", append([]string{"-C", r.Dir,
		"-c", "user.name=Test", "-c", "user.email=test@example.com",
		"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.autocrlf=false"}, args...)...)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes files (slash paths relative to the repository) into the work
// tree, creating folders as needed.
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	for name, text := range files {
		p := filepath.Join(r.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Remove deletes files from the work tree.
func (r *Repo) Remove(names ...string) {
	r.t.Helper()
	for _, name := range names {
		if err := os.Remove(filepath.Join(r.Dir, filepath.FromSlash(name))); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Commit stages everything and commits it, returning the commit id.
func (r *Repo) Commit(msg string) string {
	r.t.Helper()
	r.Git("add", "-A")
	r.Git("commit", "--quiet", "--allow-empty", "-m", msg)
	r.commits++
	return r.Git("rev-parse", "HEAD")
}

// Tag tags HEAD with an annotated tag, as a review's release would be.
func (r *Repo) Tag(name string) {
	r.t.Helper()
	r.Git("tag", "-a", "-m", "release "+name, name)
}
