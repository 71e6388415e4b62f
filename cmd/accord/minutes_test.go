package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/review-2.1-minutes.md from the shipped handbook")

// minutesFile holds the minutes of the shipped agreement's review 2.0 → 2.1:
// exactly what `accord diff --format markdown content/archive/2.0 content`
// prints at the root of the repository.
const minutesFile = "docs/review-2.1-minutes.md"

// TestReviewMinutes: the committed minutes of the review are the diff of
// the two versions the repository ships, so that they cannot drift from
// the sources. Run with -update after changing content/.
func TestReviewMinutes(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	var stdout, stderr strings.Builder
	code := run(context.Background(), []string{"diff", "--format", "markdown", "content/archive/2.0", "content"}, &stdout, &stderr)
	if code != exitOK || stderr.Len() > 0 {
		t.Fatalf("accord diff: exit %d\n%s", code, stderr.String())
	}
	got := stdout.String()
	for _, want := range []string{"2.0 (2026-07-01)", "2.1 (2026-12-06)", "财务经理", "**审批步骤:** — → true"} {
		if !strings.Contains(got, want) {
			t.Errorf("the minutes do not mention %q", want)
		}
	}
	if *update {
		if err := os.WriteFile(minutesFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(minutesFile)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/accord -run TestReviewMinutes -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s is not what accord diff prints for content/archive/2.0 → content: run go test ./cmd/accord -run TestReviewMinutes -update and commit it", minutesFile)
	}
}
