package main

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/gitfs/gittest"
)

// desk is a small handbook, in handbook/ of a repository.
func desk(version, responsible string) map[string]string {
	return map[string]string{
		"handbook/handbook.toml":    "title = \"Desk\"\nlanguage = \"en\"\nversion = \"" + version + "\"\neffective_date = 2026-01-01\n",
		"handbook/teams.toml":       "[[team]]\nid = \"desk\"\nname = \"Desk\"\nkind = \"internal\"\n",
		"handbook/roles/lead.toml":  "name = \"Lead\"\nteam = \"desk\"\n",
		"handbook/roles/agent.toml": "name = \"Agent\"\nteam = \"desk\"\nreports_to = \"lead\"\n",
		"handbook/workflows/handle.toml": "name = \"Handle\"\nowner = \"lead\"\n\n[[step]]\nid = \"answer\"\nname = \"Answer\"\n" +
			"responsible = [\"" + responsible + "\"]\naccountable = \"lead\"\n",
	}
}

// TestDiff_gitRefs compares tags, HEAD and the work tree of a repository
// made here; the handbook sits in a sub-folder and the command runs in it.
func TestDiff_gitRefs(t *testing.T) {
	r := gittest.New(t)
	r.Write(desk("1.0", "lead"))
	r.Commit("1.0")
	r.Tag("v1.0")
	r.Write(desk("2.0", "agent"))
	r.Commit("2.0")
	r.Tag("v2.0")
	r.Write(desk("3.0", "agent")) // the work tree: a new version, not committed
	t.Chdir(r.Dir + "/handbook")

	diff := func(args ...string) (int, string, string) {
		var stdout, stderr strings.Builder
		code := run(context.Background(), append([]string{"diff"}, args...), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	// v1.0 has a warning under today's rules: printed, naming the tag
	// and the version, and the versions are compared all the same.
	code, out, errOut := diff("v1.0", "v2.0")
	wantErr := `v1.0:handbook/roles/agent.toml:1:1: warning: version 1.0: role "agent" is not responsible, accountable, consulted or informed in any workflow step` + "\n"
	if code != exitOK || errOut != wantErr {
		t.Fatalf("diff v1.0 v2.0: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"What changed: Desk 1.0 (2026-01-01) [v1.0] → 2.0 (2026-01-01) [v2.0]",
		"      Agent (agent): — → R",
		"      Lead (lead): R/A → A",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("diff v1.0 v2.0: no line %q in\n%s", want, out)
		}
	}

	// The work tree is "." (the folder itself); HEAD is the last commit.
	if code, out, _ = diff("--exit-code", "HEAD", "."); code != exitHandbook || !strings.Contains(out, "version: 2.0 → 3.0") {
		t.Errorf("diff --exit-code HEAD .: exit %d\n%s", code, out)
	}
	if code, out, _ = diff("--exit-code", "v2.0", "HEAD"); code != exitOK || !strings.Contains(out, "No changes.") {
		t.Errorf("diff --exit-code v2.0 HEAD: exit %d\n%s", code, out)
	}

	// An unknown ref is an error that names it, exit 1.
	code, _, errOut = diff("v9.9", ".")
	if code != exitHandbook || !strings.Contains(errOut, "v9.9") {
		t.Errorf("diff v9.9 .: exit %d, stderr %q", code, errOut)
	}
}
