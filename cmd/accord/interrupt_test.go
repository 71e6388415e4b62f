//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accord-handbook/accord/internal/testhb"
)

// TestBuild_interruptedMessage: an interrupted build says so, and that
// the output is as it was; it exits non-zero.
func TestBuild_interruptedMessage(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr syncBuffer
	if code := run(t.Context(), []string{"build", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	stdout, stderr = syncBuffer{}, syncBuffer{}
	if code := run(ctx, []string{"build", dir, "-o", out, "--force"}, &stdout, &stderr); code != exitHandbook {
		t.Errorf("exit %d, want %d", code, exitHandbook)
	}
	if got, want := stderr.String(), "accord build: interrupted: "+out+" left as it was\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
	if stdout.String() != "" {
		t.Errorf("stdout = %q", stdout.String())
	}
}

// TestBuild_signals: SIGINT or SIGTERM during a long build stops it at
// once: exit 1 with a message, the previous site byte for byte, nothing
// left beside it.
func TestBuild_signals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds accord and a 2,000-page handbook")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build accord with")
	}
	root := t.TempDir()
	bin := filepath.Join(root, "accord")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	large := filepath.Join(root, "large")
	testhb.Write(t, large, testhb.Large(2000))
	out := filepath.Join(root, "site", "public")
	env := append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(root, "cache"))
	if b, err := accordCmd(bin, env, "build", large, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("accord build: %v\n%s", err, b)
	}
	before := testhb.Tree(t, out)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := accordCmd(bin, env, "build", large, "-o", out, "--force")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for len(tempFolders(t, out)) == 0 {
				time.Sleep(time.Millisecond)
			}
			cmd.Process.Signal(sig)
			sent := time.Now()
			err := cmd.Wait()
			took := time.Since(sent)
			if code := cmd.ProcessState.ExitCode(); code != exitHandbook {
				t.Fatalf("exit %d (%v), want %d; stderr:\n%s", code, err, exitHandbook, stderr.String())
			}
			if took > 2*time.Second {
				t.Errorf("accord ended %s after %s", took.Round(time.Millisecond), sig)
			}
			if want := "accord build: interrupted: " + out + " left as it was\n"; !strings.HasSuffix(stderr.String(), want) {
				t.Errorf("stderr = %q, want it to end in %q", stderr.String(), want)
			}
			if !sameTree(testhb.Tree(t, out), before) {
				t.Error("the site changed")
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("beside the output: %v", entries)
			}
		})
	}
}

func accordCmd(bin string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	return cmd
}
