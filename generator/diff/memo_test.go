package diff

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
)

// TestMemo_sameAsCompare: a change set through a Memo, first and again,
// is Compare's, for every golden case through one Memo.
func TestMemo_sameAsCompare(t *testing.T) {
	m := NewMemo()
	for round := range 2 {
		for _, tc := range goldenCases {
			oldF, newF := versions(tc.edit)
			old, new := loadFiles(t, "old", oldF), loadFiles(t, "new", newF)
			if got, want := changeJSON(t, m.Compare(old, new)), changeJSON(t, Compare(old, new)); !bytes.Equal(got, want) {
				t.Errorf("round %d, %s: through a Memo\n%s\nwant\n%s", round, tc.name, got, want)
			}
		}
	}
}

// TestMemo_editedTextOnly: the shipped handbook's two versions, the
// current one saved with a policy edited (one that 2.1 changed, so that
// its text is diffed): the Memo diffs the edited
// text again and keeps the others, and Sweep drops the text before the
// edit.
func TestMemo_editedTextOnly(t *testing.T) {
	content := filepath.Join("..", "..", "content")
	old := loadDir(t, filepath.Join(content, "archive", "2.0"))
	cur := loadDir(t, content)
	m := NewMemo()
	first := m.Compare(old, cur)
	held := m.Len()
	if held == 0 {
		t.Fatal("the Memo holds no text after comparing two versions that differ")
	}
	m.Sweep()

	edited := *cur
	edited.Policies = append([]*model.Policy(nil), cur.Policies...)
	i := 0
	for cur.Policies[i].ID != "risk-management" {
		i++
	}
	p := *cur.Policies[i]
	p.Body = append(append([]byte(nil), p.Body...), "\n\nA paragraph added while editing.\n"...)
	edited.Policies[i] = &p
	got := m.Compare(old, &edited)
	if want := Compare(old, &edited); !bytes.Equal(changeJSON(t, got), changeJSON(t, want)) {
		t.Fatal("the change set of the edited version through the Memo differs from Compare's")
	}
	if bytes.Equal(changeJSON(t, got), changeJSON(t, first)) {
		t.Fatal("the edit changed nothing in the change set")
	}
	if n := m.Len(); n != held+1 {
		t.Errorf("after the edit the Memo holds %d texts, want %d (one more: the edited policy's)", n, held+1)
	}
	m.Sweep()
	if n := m.Len(); n != held {
		t.Errorf("after Sweep the Memo holds %d texts, want %d (the policy's text before the edit dropped)", n, held)
	}
}

func loadDir(t *testing.T, dir string) *model.Handbook {
	t.Helper()
	h, diags := load.Load(os.DirFS(dir), dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return h
}

func changeJSON(t *testing.T, c *ChangeSet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, c); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
