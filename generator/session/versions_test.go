package session

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/watch"
)

// TestServe_versioned serves a handbook whose earlier version is a folder
// beside it, outside the handbook folder. After the first build, a save
// of the current sources, a save in the earlier version's folder and a
// save of handbook.toml that leaves [versions] alone, every file served is
// byte for byte what a build of the same sources writes; the earlier
// version is read once, and again only after its folder changed.
func TestServe_versioned(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "..", "testdata", "golden", "notices"))); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "current")
	asOf, _ := model.ParseDate("2026-12-06")
	var stdout, stderr syncBuffer
	cfg := Config{Dir: dir, Name: "current", Stdout: &stdout, Stderr: &stderr, NoGraphs: true, AsOf: asOf, Drafts: true}

	w, err := watch.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	s := New(cfg)
	defer s.Close()
	var reads atomic.Int32
	watchOutside := s.earlier.Watch
	s.earlier.Watch = func(folders []string) {
		reads.Add(1)
		watchOutside(folders)
	}
	srv := serve.New()
	s.rebuildServed(t.Context(), srv, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() { served <- s.serve(ctx, ln, srv.Handler(), srv, w) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String() + "/"

	sameAsBuild := func(when string) {
		t.Helper()
		files, _, err := generator.Compile(t.Context(), generator.Options{Dir: dir, Name: cfg.Name, NoGraphs: true, AsOf: asOf, Drafts: true, Extra: serve.Script})
		if err != nil {
			t.Fatal(err)
		}
		old := 0
		for _, f := range files {
			if f.Path == "404.html" {
				continue // served only for a missing page, with its status
			}
			if got := get(t, base+f.Path); !bytes.Equal(got, f.Data) {
				t.Errorf("%s: %s differs from a build of the same sources", when, f.Path)
			}
			if strings.HasPrefix(f.Path, "v/1.0/") {
				old++
			}
		}
		if old == 0 {
			t.Fatalf("%s: the build has no page of version 1.0", when)
		}
	}
	wantReads := func(when string, n int32) {
		t.Helper()
		if got := reads.Load(); got != n {
			t.Errorf("%s: the earlier versions were read %d times, want %d", when, got, n)
		}
	}
	edit := func(file, marker string) {
		t.Helper()
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, append(b, "\n"+marker+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitFor := func(page, marker string) {
		t.Helper()
		if !eventually(func() bool { return bytes.Contains(get(t, base+page), []byte(marker)) }) {
			t.Fatalf("%s never showed %q; stderr:\n%s", page, marker, stderr.String())
		}
	}

	sameAsBuild("first build")
	wantReads("first build", 1)

	edit(filepath.Join(dir, "policies", "rules.md"), "Saved in the current version.")
	waitFor("policies/rules.html", "Saved in the current version.")
	sameAsBuild("after a save of the current sources")
	wantReads("after a save of the current sources", 1)

	edit(filepath.Join(root, "v1.0", "policies", "rules.md"), "Saved in version 1.0.")
	waitFor("v/1.0/policies/rules.html", "Saved in version 1.0.")
	sameAsBuild("after a save in the earlier version")
	wantReads("after a save in the earlier version", 2)

	toml := filepath.Join(dir, "handbook.toml")
	b, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, bytes.Replace(b, []byte(`title = "Acks test"`), []byte(`title = "Acks test, retitled"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("index.html", "Acks test, retitled")
	sameAsBuild("after a save of handbook.toml")
	wantReads("after a save of handbook.toml", 2)
}

func get(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return b
}
