package session

import (
	"os"
	"testing"

	"github.com/accord-handbook/accord/generator/graphviz"
)

// TestMain lets the tests lay graphs out: package graphviz runs Graphviz in
// copies of this test binary.
func TestMain(m *testing.M) {
	graphviz.RunWorkerIfAsked()
	os.Exit(m.Run())
}
