package source

import (
	"fmt"
	"reflect"
	"testing"
)

// TestKeyIndex: where Key, KeyAll and Value point, in a file with tables,
// arrays of tables, dotted and quoted keys, Chinese text before a key and
// values that look like keys. Columns are counted in characters.
func TestKeyIndex(t *testing.T) {
	text := "name = \"外贸部\"\n" +
		"[meta]\n" +
		"  owner = 'boss' # 负责人 = \"x\"\n" +
		"[[step]]\n" +
		"id = \"a\"\n" +
		"responsible = [\"clerk\", \"boss\"]\n" +
		"[[step]]\n" +
		"id = \"b\"\n" +
		"\"quoted key\" = 1\n" +
		"site.url = \"x = y\"\n" +
		"note = \"\"\"\nmore = 1\n\"\"\"\n" +
		"last = 2\n"
	d := NewDoc("f.toml", "f.toml", []byte(text))
	d.Keys = IndexKeys(d.Text)
	pos := func(p Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
	for _, tt := range []struct{ path, want string }{
		{"name", "1:1"},
		{"meta.owner", "3:3"},
		{"step.0.id", "5:1"},
		{"step.0.responsible", "6:1"},
		{"step.1.id", "8:1"},
		{"step.1.quoted key", "9:1"},
		{"step.1.site.url", "10:1"},
		{"step.1.note", "11:1"},
		{"step.1.last", "14:1"},
		{"step.1.more", "7:1"},    // inside a multi-line string: not a key; falls back to [[step]]
		{"step.1.missing", "7:1"}, // left out: its table
		{"nowhere", "1:1"},        // nothing: the first line
		{"meta.负责人", "2:1"},       // in a comment: not a key
	} {
		if got := pos(d.Key(tt.path)); got != tt.want {
			t.Errorf("Key(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
	var all []string
	for _, p := range d.KeyAll("step.id") {
		all = append(all, pos(p))
	}
	if want := []string{"5:1", "8:1"}; !reflect.DeepEqual(all, want) {
		t.Errorf("KeyAll(step.id) = %v, want %v", all, want)
	}
	for _, tt := range []struct{ path, value, want string }{
		{"step.0.responsible", "boss", "6:25"},
		{"step.0.responsible", "clerk", "6:16"},
		{"name", "外贸部", "1:8"},
		{"step.0.responsible", "nobody", "6:15"},
	} {
		if got := pos(d.Value(tt.path, tt.value)); got != tt.want {
			t.Errorf("Value(%q, %q) = %s, want %s", tt.path, tt.value, got, tt.want)
		}
	}
}
