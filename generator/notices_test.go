package generator_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/rogpeppe/go-internal/txtar"
)

// noticesDir is a handbook at version 1.1 with its version 1.0 in a
// folder, people.toml, acknowledgements.toml and a base URL.
var noticesDir = filepath.Join("..", "testdata", "golden", "notices")

func compileNotices(t *testing.T, dir string, opts generator.Options) map[string][]byte {
	t.Helper()
	opts.Dir, opts.Name, opts.NoGraphs, opts.AsOf = dir, "notices", true, goldenAsOf
	files, c, err := generator.Compile(context.Background(), opts)
	if err != nil {
		t.Fatalf("compile: %v\n%v", err, c.Diags.Items)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// TestGolden_notices: what version 1.1 changed for the agent on its role
// and onboarding pages, who holds the roles, the sign-off sheet and the
// feed (testdata/golden/notices.txtar; -update).
func TestGolden_notices(t *testing.T) {
	site := compileNotices(t, filepath.Join(noticesDir, "current"), generator.Options{})
	var got txtar.Archive
	for _, p := range []string{"roles/agent.html", "roles/lead.html", "onboarding/agent.html", "print/acknowledge-1.1.html", "changes/1.1.html", "feed.xml"} {
		data, ok := site[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		if strings.HasSuffix(p, ".html") {
			data = mainElement(t, p, data)
		}
		got.Files = append(got.Files, txtar.File{Name: p, Data: data})
	}
	for _, p := range []string{"v/1.0/roles/agent.html", "v/1.0/onboarding/agent.html"} {
		if bytes.Contains(site[p], []byte(`id="for-you"`)) {
			t.Errorf("%s: an earlier version says what changed for you", p)
		}
	}
	path := filepath.Join("..", "testdata", "golden", "notices.txtar")
	if *update {
		if err := os.WriteFile(path, txtar.Format(&got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run Golden -update)", err)
	}
	if !bytes.Equal(txtar.Format(&got), want) {
		t.Errorf("%s differs; if the change is intended: go test ./generator -run Golden -update\n%s", path, firstDiff(string(want), string(txtar.Format(&got))))
	}
}

// atom is what a feed reader needs of an Atom 1.0 feed (RFC 4287).
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		ID      string     `xml:"id"`
		Title   string     `xml:"title"`
		Updated string     `xml:"updated"`
		Links   []atomLink `xml:"link"`
		Summary string     `xml:"summary"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

func parseFeed(t *testing.T, data []byte) atom {
	t.Helper()
	var f atom
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed.xml is not XML: %v\n%s", err, data)
	}
	return f
}

// TestFeed_atom: feed.xml has what Atom requires of a feed and of each
// entry, newest first, with absolute links, and entry ids that stay the
// same across builds — also for the first version, whose page moves
// from the root to v/1.0/ once 1.1 is published.
func TestFeed_atom(t *testing.T) {
	site := compileNotices(t, filepath.Join(noticesDir, "current"), generator.Options{})
	f := parseFeed(t, site["feed.xml"])
	if f.ID == "" || f.Title == "" || f.Author.Name == "" {
		t.Errorf("feed lacks id, title or author: %+v", f)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("feed updated %q: %v", f.Updated, err)
	}
	if len(f.Entries) != 2 || !strings.Contains(f.Entries[0].Title, "1.1") || !strings.Contains(f.Entries[1].Title, "1.0") {
		t.Fatalf("want the entries of 1.1 then 1.0, got %+v", f.Entries)
	}
	seen := map[string]bool{}
	for _, e := range f.Entries {
		if e.ID == "" || seen[e.ID] || !strings.HasPrefix(e.ID, "tag:intranet.example.com,") {
			t.Errorf("entry id %q: missing, repeated or not a tag URI", e.ID)
		}
		seen[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry updated %q: %v", e.Updated, err)
		}
		if len(e.Links) != 1 || !strings.HasPrefix(e.Links[0].Href, "https://intranet.example.com/desk/") {
			t.Errorf("entry %s: want one absolute link, got %+v", e.ID, e.Links)
		}
	}
	if got := f.Entries[0].Links[0].Href; got != "https://intranet.example.com/desk/changes/1.1.html" {
		t.Errorf("1.1 links to %s, want its change page", got)
	}
	if c := f.Entries[0].Content; c.Type != "html" || !strings.Contains(c.Text, `<a href="https://intranet.example.com/desk/changes/1.1.html#workflow-handle">Handle</a>`) {
		t.Errorf("1.1's content does not link to the handle workflow's change: %+v", c)
	}

	again := parseFeed(t, compileNotices(t, filepath.Join(noticesDir, "current"), generator.Options{})["feed.xml"])
	for i := range f.Entries {
		if again.Entries[i].ID != f.Entries[i].ID {
			t.Errorf("entry %d: id %s, then %s", i, f.Entries[i].ID, again.Entries[i].ID)
		}
	}
	// Version 1.0 built alone, as it was published before 1.1.
	alone := parseFeed(t, compileNotices(t, filepath.Join(noticesDir, "v1.0"), generator.Options{BaseURL: "https://intranet.example.com/desk/"})["feed.xml"])
	if len(alone.Entries) != 1 || alone.Entries[0].ID != f.Entries[1].ID {
		t.Errorf("1.0's entry id changed when 1.1 was published: %+v vs %s", alone.Entries, f.Entries[1].ID)
	}
	if alone.ID != f.ID {
		t.Errorf("the feed's id changed: %s, then %s", alone.ID, f.ID)
	}
}

// TestFeed_needsBaseURL: without a base URL there is no feed, since a
// feed reader resolves no relative link.
func TestFeed_needsBaseURL(t *testing.T) {
	site := compileNotices(t, filepath.Join(noticesDir, "v1.0"), generator.Options{})
	if _, ok := site["feed.xml"]; ok {
		t.Error("feed.xml written without a base URL")
	}
}
