package graphviz

import (
	"errors"
	"os"
	"testing"
)

// TestMain makes this test binary the workers' executable (see
// RunWorkerIfAsked).
func TestMain(m *testing.M) {
	RunWorkerIfAsked()
	os.Exit(m.Run())
}

// TestRender_notServing: in a program that never called RunWorkerIfAsked,
// every graph fails with an error that names the call, a cached one too,
// and no copy of the program is started.
func TestRender_notServing(t *testing.T) {
	r := New(t.TempDir())
	defer r.Close()
	const dot = "digraph { a -> b }"
	if _, err := r.SVG(dot); err != nil {
		t.Fatal(err)
	}
	serving.Store(false)
	defer serving.Store(true)
	workers := r.Stats().Workers
	for _, get := range []func() error{
		func() error { _, err := r.SVG(dot); return err },
		func() error { _, err := r.SVG("digraph { b -> c }"); return err },
		func() error { _, err := r.UserDOT("digraph { c -> d }"); return err },
	} {
		if err := get(); !errors.Is(err, errNotServing) {
			t.Errorf("got %v, want errNotServing", err)
		}
	}
	if s := r.Stats(); s.Workers != workers {
		t.Errorf("%d workers started without RunWorkerIfAsked", s.Workers-workers)
	}
}
