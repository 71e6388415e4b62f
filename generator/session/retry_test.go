package session

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/serve"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/watch"
	"github.com/accord-handbook/accord/internal/testhb"
)

// TestServe_outOfFilesIsRetried: a rebuild that fails for want of file
// descriptors is built again after a pause, and the page never shows it
// as the handbook's problem; one that keeps failing is shown after the
// last try; a handbook error is not retried.
func TestServe_outOfFilesIsRetried(t *testing.T) {
	emfile := &fs.PathError{Op: "open", Path: "hb/roles/lead.toml", Err: syscall.EMFILE}
	// As load reports it: a diagnostic with the error's text.
	asDiag := func() error {
		var l source.List
		l.Errorf(source.Pos{File: "hb/roles/lead.toml"}, "cannot read: %v", syscall.ENFILE)
		return l.Err()
	}
	handbookErr := func() error {
		var l source.List
		l.Errorf(source.Pos{File: "hb/roles/lead.toml", Line: 1, Col: 1}, `unknown team "nope"`)
		return l.Err()
	}
	for _, tc := range []struct {
		name     string
		failures int // builds that fail before one succeeds
		err      func() error
		tries    int
		problems bool
	}{
		{"EMFILE twice", 2, func() error { return fmt.Errorf("reading: %w", emfile) }, 3, false},
		{"ENFILE as a diagnostic", 1, asDiag, 2, false},
		{"EMFILE for good", 100, func() error { return emfile }, 4, true},
		{"handbook error", 100, handbookErr, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr syncBuffer
			s := New(Config{Dir: testhb.Dir(t, testhb.Mini), Name: "hb", Stdout: &stdout, Stderr: &stderr, NoGraphs: true})
			defer s.Close()
			s.retryPauses = []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}
			srv := serve.New()
			s.rebuildServed(t.Context(), srv, nil)

			tries := 0
			s.compile = func(context.Context, generator.Options) ([]site.File, *generator.Checked, error) {
				if tries++; tries <= tc.failures {
					return nil, nil, tc.err()
				}
				return []site.File{{Path: "index.html", Data: []byte("new")}}, nil, nil
			}
			s.rebuildServed(t.Context(), srv, &watch.Batch{Paths: []string{"x"}})
			if tries != tc.tries {
				t.Errorf("built %d times, want %d", tries, tc.tries)
			}
			if got := len(srv.Problems()) > 0; got != tc.problems {
				t.Errorf("problems shown: %v, want %v: %+v", got, tc.problems, srv.Problems())
			}
			failed := strings.Contains(stderr.String(), "build failed")
			if failed != tc.problems {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			if warned := strings.Contains(stderr.String(), "out of file descriptors"); warned != (tc.tries > 1) {
				t.Errorf("warning printed: %v; stderr:\n%s", warned, stderr.String())
			}
		})
	}
}
