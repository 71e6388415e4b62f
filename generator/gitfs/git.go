// Package gitfs reads one version of a handbook straight out of a git
// repository: Open(repo, ref, subdir) returns an fs.FS over the tree of a
// tag, branch or commit, limited to the handbook's sub-folder, so that load
// reads an earlier version exactly as it reads a folder on disk.
//
// It runs the git command (rev-parse, ls-tree, cat-file) and never checks
// anything out: the work tree, the index and HEAD are left alone, so a
// reviewer can diff or publish old versions while editing the current one.
// Tags lists the tags that mark reviewed versions; Resolve finds the
// repository and sub-folder that hold a folder on disk.
package gitfs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// ErrNoGit is returned when the git command is not installed.
var ErrNoGit = errors.New("the git command is not installed (needed to read earlier versions from git)")

// gitEnv is the environment for every git command. Variables that point git
// at another repository or index are dropped: accord may run inside a git
// hook, where GIT_DIR and GIT_INDEX_FILE name the hook's repository, and
// repoDir must win. GIT_OPTIONAL_LOCKS=0 keeps even read-only commands from
// refreshing the index of the user's work tree.
func gitEnv() []string {
	drop := map[string]bool{
		"GIT_DIR": true, "GIT_WORK_TREE": true, "GIT_INDEX_FILE": true,
		"GIT_COMMON_DIR": true, "GIT_PREFIX": true, "GIT_OBJECT_DIRECTORY": true,
		"GIT_ALTERNATE_OBJECT_DIRECTORIES": true, "GIT_NAMESPACE": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !drop[name] {
			env = append(env, kv)
		}
	}
	return append(env, "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
}

// command returns a git command run in dir.
func command(dir string, args ...string) (*exec.Cmd, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	cmd := exec.Command(bin, append([]string{"-C", dir}, args...)...)
	cmd.Env = gitEnv()
	return cmd, nil
}

// git runs a git command in dir and returns its standard output. The error
// carries git's own message, first line only: it is the useful part.
func git(dir string, args ...string) ([]byte, error) {
	cmd, err := command(dir, args...)
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		return out, &gitError{args: args, msg: strings.TrimPrefix(msg, "fatal: "), err: err}
	}
	return out, nil
}

// gitError is a failed git command. msg is git's first line on stderr,
// empty when git failed silently (as `rev-parse --quiet` does).
type gitError struct {
	args []string
	msg  string
	err  error
}

func (e *gitError) Error() string {
	if e.msg == "" {
		return "git " + e.args[0] + ": " + e.err.Error()
	}
	return "git " + e.args[0] + ": " + e.msg
}

// Tags lists the tags of the repository in repoDir whose names match the
// glob pattern ("v*"; "" means every tag), in version order, oldest first
// (v1.2 before v1.10), as git's version sort orders them.
func Tags(repoDir, pattern string) ([]string, error) {
	if strings.HasPrefix(pattern, "-") {
		return nil, fmt.Errorf("tag pattern %q must not start with '-'", pattern)
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, fmt.Errorf("tag pattern %q is not a valid glob: %v", pattern, err)
	}
	args := []string{"tag", "--list", "--sort=version:refname"}
	if pattern != "" {
		args = append(args, pattern)
	}
	out, err := git(repoDir, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot list tags: %w", repoDir, err)
	}
	var tags []string
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			tags = append(tags, line)
		}
	}
	return tags, nil
}

// TagIDs lists the tags of the repository holding dir whose names match
// pattern, as Tags does, each with the id of the object it names: one
// "name id" line per tag, sorted by name. It changes when a tag is made,
// moved or deleted, which is all that can change the versions read from
// tags (what a commit holds never changes), and takes one git process:
// an edit session runs it before every build instead of reading every
// tag again.
func TagIDs(dir, pattern string) (string, error) {
	if strings.HasPrefix(pattern, "-") {
		return "", fmt.Errorf("tag pattern %q must not start with '-'", pattern)
	}
	args := []string{"tag", "--list", "--format=%(refname:strip=2) %(objectname)"}
	if pattern != "" {
		args = append(args, pattern)
	}
	out, err := git(dir, args...)
	if err != nil {
		return "", fmt.Errorf("%s: cannot list tags: %w", dir, err)
	}
	return string(out), nil
}

// Resolve finds the git repository holding the folder at p. It returns the
// repository's top folder and p relative to it, slash-separated ("." when p
// is the top), ready for Open.
func Resolve(p string) (repoDir, subdir string, err error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", "", err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", "", err
	}
	if !info.IsDir() {
		return "", "", fmt.Errorf("%s: not a folder", p)
	}
	out, err := git(abs, "rev-parse", "--show-toplevel")
	if err != nil {
		if errors.Is(err, ErrNoGit) {
			return "", "", err
		}
		return "", "", fmt.Errorf("%s: not inside a git repository (%v)", p, err)
	}
	top := strings.TrimSpace(string(out))
	// git prints the top with symlinks resolved; resolve p the same way so
	// that /tmp -> /private/tmp and friends do not make p look outside it.
	realTop, err := filepath.EvalSymlinks(top)
	if err != nil {
		realTop = top
	}
	realAbs, err := filepath.EvalSymlinks(abs)
	if err != nil {
		realAbs = abs
	}
	rel, err := filepath.Rel(realTop, realAbs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", "", fmt.Errorf("%s: not inside the repository %s", p, top)
	}
	return filepath.FromSlash(top), filepath.ToSlash(rel), nil
}
