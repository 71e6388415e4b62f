package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accord-handbook/accord/internal/testhb"
)

// TestBuild_killedAnywhere proves that a build killed at any moment (SIGKILL:
// no deferred cleanup runs) leaves the previous site complete and unchanged.
// It builds the accord binary once, builds a small site into OUT and hashes
// every file, then starts `accord build` of a large handbook (2,000 pages)
// into the same OUT and kills it after 20 delays spread over the time such a
// build takes. After every kill OUT must be byte for byte the small site, or,
// when the build finished first, byte for byte the large one (then the small
// site is put back). Temp folders that the kills left beside OUT must be gone
// after the next build.
func TestBuild_killedAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds accord and a 2,000-page handbook about 25 times")
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
	small, large := filepath.Join(root, "small"), filepath.Join(root, "large")
	testhb.Write(t, small, testhb.Mini)
	testhb.Write(t, large, testhb.Large(2000))
	out, ref := filepath.Join(root, "site", "public"), filepath.Join(root, "ref")
	env := append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(root, "cache"))
	build := func(dir, out string) time.Duration {
		t.Helper()
		start := time.Now()
		cmd := exec.Command(bin, "build", dir, "-o", out)
		cmd.Env = env
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("accord build %s: %v\n%s", filepath.Base(dir), err, b)
		}
		return time.Since(start)
	}

	build(small, out)
	smallSite := testhb.Tree(t, out)
	build(large, ref) // lays the graphs out once; the runs below find them cached
	largeSite := testhb.Tree(t, ref)
	// When does a build start writing? Watch for its temp folder.
	// --force: ref is up to date, and this build must render and write.
	cmd := exec.Command(bin, "build", large, "-o", ref, "--force")
	cmd.Env = env
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var writing time.Duration
	for wait := true; wait; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			wait = false
		case <-time.After(2 * time.Millisecond):
			if writing == 0 && len(tempFolders(t, ref)) > 0 {
				writing = time.Since(start)
			}
		}
	}
	took := time.Since(start)
	if writing == 0 {
		writing = took * 9 / 10
	}
	t.Logf("small site: %d files; large site: %d files, built in %s, writing from %s", len(smallSite), len(largeSite), took.Round(time.Millisecond), writing.Round(time.Millisecond))

	// Half the kills spread over the whole build, half over its writing;
	// the last ones fall after the end.
	const points = 20
	var delays []time.Duration
	for i := range points / 2 {
		delays = append(delays, took*time.Duration(2*i+1)/points)
		delays = append(delays, writing+(took-writing)*time.Duration(2*i+1)/points*11/10)
	}
	slices.Sort(delays)
	var intact, finished, leftTemp int
	var log []string
	for _, delay := range delays {
		cmd := exec.Command(bin, "build", large, "-o", out)
		cmd.Env = env
		var output strings.Builder
		cmd.Stdout, cmd.Stderr = &output, &output
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its Graphviz worker goes too
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		err := cmd.Wait()
		killed := err != nil
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && !ws.Signaled() && ws.ExitStatus() != 0 {
			t.Fatalf("accord build failed by itself: %v\n%s", err, output.String())
		}
		temps := tempFolders(t, out)
		got := testhb.Tree(t, out)
		switch {
		case sameTree(got, smallSite):
			intact++
			log = append(log, fmt.Sprintf("%s:intact", delay.Round(time.Millisecond)))
		case sameTree(got, largeSite):
			finished++
			log = append(log, fmt.Sprintf("%s:finished", delay.Round(time.Millisecond)))
			build(small, out) // start the next kill from the small site again
			if !sameTree(testhb.Tree(t, out), smallSite) {
				t.Fatal("the small site did not come back")
			}
		default:
			t.Fatalf("kill after %s (killed: %v) left a site that is neither the old one nor the new one: %s",
				delay, killed, treeDiff(got, smallSite, largeSite))
		}
		if len(temps) > 0 {
			leftTemp++
		}
	}
	t.Logf("%d kills: %d mid-build with the old site intact (%d of them left a temp folder), %d after the build finished", points, intact, leftTemp, finished)
	t.Logf("kill points: %s", strings.Join(log, " "))
	if intact < points/3 {
		t.Errorf("only %d of %d kills landed before the build finished: the test did not test much", intact, points)
	}
	// The next build sweeps what killed builds left behind, even when it
	// finds the site up to date and renders nothing.
	build(small, out)
	if temps := tempFolders(t, out); len(temps) > 0 {
		t.Errorf("temp folders left after a complete build: %v", temps)
	}
	if !sameTree(testhb.Tree(t, out), smallSite) {
		t.Error("the final build did not produce the small site")
	}
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// treeDiff says how got differs from the two sites it should be one of.
func treeDiff(got, old, new map[string]string) string {
	var missing, changed, extra []string
	for k, v := range old {
		switch g, ok := got[k]; {
		case !ok:
			missing = append(missing, k)
		case g != v:
			changed = append(changed, k)
		}
	}
	for k := range got {
		if _, ok := old[k]; !ok {
			extra = append(extra, k)
		}
	}
	slices.Sort(missing)
	slices.Sort(changed)
	slices.Sort(extra)
	short := func(s []string) string {
		if len(s) > 5 {
			return fmt.Sprintf("%v… (%d)", s[:5], len(s))
		}
		return fmt.Sprint(s)
	}
	return fmt.Sprintf("%d files (old site %d, new %d); missing from the old: %s; changed: %s; extra: %s",
		len(got), len(old), len(new), short(missing), short(changed), short(extra))
}

// tempFolders lists the build folders beside out (".public.accord-tmp-*").
func tempFolders(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var temps []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(out)+".accord-tmp-") {
			temps = append(temps, e.Name())
		}
	}
	return temps
}
