package load

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/bench/synth"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// The structs the loader decodes files into, as in load.go and files.go.
type (
	teamsFile struct {
		Team []*model.Team `toml:"team"`
	}
	glossaryFile struct {
		Term []*model.Term `toml:"term"`
	}
)

var decodedTypes = []reflect.Type{
	reflect.TypeFor[model.Meta](), reflect.TypeFor[teamsFile](), reflect.TypeFor[glossaryFile](),
	reflect.TypeFor[model.Role](), reflect.TypeFor[model.Workflow](), reflect.TypeFor[model.Policy](),
	reflect.TypeFor[model.Page](),
}

// decodedType is the struct the loader decodes the handbook file p into,
// nil for a file it decodes none into.
func decodedType(p string) reflect.Type {
	switch {
	case p == "handbook.toml":
		return decodedTypes[0]
	case p == "teams.toml":
		return decodedTypes[1]
	case p == "glossary.toml":
		return decodedTypes[2]
	case path.Dir(p) == "roles" && path.Ext(p) == ".toml":
		return decodedTypes[3]
	case path.Dir(p) == "workflows" && path.Ext(p) == ".toml":
		return decodedTypes[4]
	case path.Dir(p) == "policies" && path.Ext(p) == ".md":
		return decodedTypes[5]
	case strings.HasPrefix(p, "pages/") && path.Ext(p) == ".md":
		return decodedTypes[6]
	}
	return nil
}

// bothWays decodes text into a new value of typ with fastDecode and with
// decodeKeyByKey. fast is nil when fastDecode declined, after checking
// that it left its value untouched.
func bothWays(t *testing.T, typ reflect.Type, text []byte) (fast, slow any, ok bool, diags *source.List) {
	t.Helper()
	fast = fastOnly(t, typ, text)
	slow, ok, diags = keyByKey(typ, text)
	return fast, slow, ok, diags
}

func fastOnly(t *testing.T, typ reflect.Type, text []byte) any {
	t.Helper()
	v := reflect.New(typ)
	if fastDecode(text, v.Interface()) {
		return v.Interface()
	}
	if !v.Elem().IsZero() {
		t.Fatalf("fastDecode declined %q but changed its %s: %+v", text, typ, v.Elem())
	}
	return nil
}

func keyByKey(typ reflect.Type, text []byte) (v any, ok bool, diags *source.List) {
	doc := source.NewDoc("f", "f", text)
	doc.Keys = source.IndexKeys(text)
	diags = &source.List{}
	v = reflect.New(typ).Interface()
	ok = decodeKeyByKey(doc, text, v, diags)
	return v, ok, diags
}

// TestFastDecode: every file of the shipped handbook and of the large
// synthetic one goes through fastDecode, and it fills the same struct as
// decoding key by key.
func TestFastDecode(t *testing.T) {
	corpora := []synth.Corpus{{Name: "content", Dir: "../../content"}}
	if testing.Short() {
		t.Log("short: the synthetic handbook is left out")
	} else {
		corpora = append(corpora, synth.Corpus{Name: "synthetic", Dir: synth.ForBenchmark(t, synth.Default())})
	}
	for _, c := range corpora {
		n := 0
		err := filepath.WalkDir(c.Dir, func(file string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(c.Dir, file)
			typ := decodedType(filepath.ToSlash(rel))
			if typ == nil {
				return nil
			}
			text, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
			if path.Ext(file) == ".md" {
				fm, _, _, found, closed := splitFrontMatter(text)
				if !found || !closed {
					t.Fatalf("%s/%s: no front matter", c.Name, rel)
				}
				text = fm
			}
			fast, slow, ok, diags := bothWays(t, typ, text)
			switch {
			case !ok || len(diags.Items) > 0:
				t.Fatalf("%s/%s: does not decode: %v", c.Name, rel, diags.Items)
			case fast == nil:
				t.Errorf("%s/%s: fastDecode declined a valid file", c.Name, rel)
			case !reflect.DeepEqual(fast, slow):
				t.Errorf("%s/%s: fastDecode gave\n%+v\nkey by key\n%+v", c.Name, rel, fast, slow)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatalf("%s: no files decoded", c.Name)
		}
	}
}

// TestFastDecode_declines: text fastDecode must leave to the decoder, for
// being wrong or outside what fastDecode reads. Decoded through
// decodeTOML, each gets exactly the diagnostics of decoding key by key,
// and the same struct.
func TestFastDecode_declines(t *testing.T) {
	role, wf, meta, policy := reflect.TypeFor[model.Role](), reflect.TypeFor[model.Workflow](), reflect.TypeFor[model.Meta](), reflect.TypeFor[model.Policy]()
	tests := []struct {
		typ  reflect.Type
		text string
		want string // the diagnostics, when the text is wrong
	}{
		{role, "name = \"A\"\nnmae = \"B\"\n", `f:2:1: unknown key "nmae" (did you mean "name"?)`},
		{role, "Name = \"A\"\n", `f:1:1: unknown key "Name" (did you mean "name"?)`},
		{role, "name = \"A\"\nname = \"B\"\n", "f:2:1: invalid TOML: Key 'name' has already been defined."},
		{role, "name = \"A\"\nduties = \"one\"\n", "f:2:1: duties: expected an array, found a string"},
		{role, "name = \"A\"\n[[kpi]]\nname = \"k\"\nweight = \"5\"\n", "f:4:1: weight: expected an integer, found a string"},
		{role, "name = \"A\"\n[[kpi]]\nname = \"k\"\nteam = \"t\"\n", `f:4:1: unknown key "kpi.team": team is a key of the file, but written after a [[kpi]] line it belongs to that table; move it above the first [[kpi]]`},
		{wf, "name = \"W\"\n[[step]]\nid = \"a\"\nrespnsible = [\"x\"]\n", `f:4:1: unknown key "step.respnsible" (did you mean "responsible"?)`},
		{wf, "name = \"W\"\n[step]\nid = \"a\"\n", "f:2:1: step: expected tables written as [[step]]"},
		{wf, "name = \"W\"\nstep = [{id = \"a\"}]\n", ""},
		{wf, "name = \"W\"\n[[step]]\nid = \"a\"\nnext = [\"b\", 1]\n", "f:4:1: next: expected a string, found an integer"},
		{wf, "name = \"W\"\r\nowner = \"a\"\rsummary = \"s\"\n", "f:2:11: invalid TOML: TOML files cannot contain control characters: '0x0d'"},
		{meta, "title = \"T\"\neffective_date = \"2026-01-02\"\n", "f:2:18: effective_date: a date is written without quotes, like 2026-01-02"},
		{meta, "title = \"T\"\neffective_date = 2026-02-30\n", "f:2:18: invalid TOML: invalid datetime: \"2026-02-30\""},
		{meta, "title = \"T\"\neffective_date = 2026-01-02T10:00:00\n", ""},
		{meta, "title = \"T\"\n[labels]\nroles = \"Jobs\"\n", ""},
		{meta, "title = \"T\"\n[raci]\nmax_responsible = 1_000\n", ""},
		{meta, "title = \"T\"\n[raci]\nmax_responsible = 1.5\n", "f:3:1: max_responsible: expected an integer, found a float"},
		{meta, "title = \"\"\"T\"\"\"\ndescription = \"a\\u00e9\"\n", ""},
		{meta, "title = \"T\" x\n", "f:1:13: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"},
		{meta, "\"title\" = \"T\"\nmarkdown.raw_html = true\n", ""},
		{meta, "title = \"T\"\n[[raci.independent]]\nrole = \"qc\"\n[raci]\nmax_consulted = 3\n", ""},
		{meta, "title = \"T\"\n\n[[raci.independnt]]\nrole = \"qc\"\n", `f:3:1: unknown key "raci.independnt" (did you mean "independent"?)`},
		{meta, "title = \"T\"\n[raci.independent]\nrole = \"qc\"\n", "f:2:1: independent: expected tables written as [[independent]]"},
		{meta, "title = \"T\"\n[[raci.independent]]\nrole = \"qc\"\nfrm = [\"s\"]\n", `f:4:1: unknown key "raci.independent.frm" (did you mean "from"?)`},
		{meta, "title = \"T\"\n[[raci.independent]]\nrole = \"qc\"\n[[raci.independent.x]]\n", `f:4:1: unknown key "raci.independent.x" (known keys here: role, from, reason)`},
		{policy, "title = \"P\"\napplies_to = [\"a\", 1]\n", "f:2:14: applies_to: applies_to must list role ids as strings"},
		{policy, "title = \"P\"\neffective_date = 2026-01-02 # date\nweight = 1\n", `f:3:1: unknown key "weight" (known keys here: title, owner, applies_to, review_cycle, effective_date, summary, approver, reviewed, draft, aliases)`},
	}
	for _, tt := range tests {
		text := []byte(tt.text)
		if fast, _, _, _ := bothWays(t, tt.typ, text); fast != nil {
			t.Errorf("fastDecode accepted %q", tt.text)
			continue
		}
		_, slow, ok, want := bothWays(t, tt.typ, text)
		doc := source.NewDoc("f", "f", text)
		got := &source.List{}
		v := reflect.New(tt.typ)
		gotOK := decodeTOML(doc, text, v.Interface(), got)
		if gotOK != ok || !reflect.DeepEqual(got.Items, want.Items) || !reflect.DeepEqual(v.Interface(), slow) {
			t.Errorf("%q: decodeTOML gave %v %v, key by key %v %v", tt.text, gotOK, got.Items, ok, want.Items)
		}
		var lines []string
		for _, d := range got.Items {
			lines = append(lines, d.String())
		}
		if s := strings.Join(lines, "\n"); s != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.text, s, tt.want)
		}
	}
}

// TestFastDecode_values: what fastDecode reads, checked against decoding
// key by key.
func TestFastDecode_values(t *testing.T) {
	for _, text := range []string{
		"",
		"# only a comment\r\n\r\n",
		"title = \"T\"  # comment\t\nlanguage='zh-CN'\nversion = \"\"\ndescription = ''\neffective_date = 2026-07-01\n",
		"title = \"a\\\"b\\\\c\\n\\t\\r\\b\\f\"\ndescription = 'C:\\path'\n",
		"title = \"中文\ttab\"\r\n[markdown]\r\nraw_html = true\r\n[raci]\r\nmax_responsible = 0\r\nmax_consulted = -12\r\n[versions]\r\nfolders = []\r\n",
		"[versions]\nfolders = [\n  \"a\", # first\n  'b',\n]\ngit_tags = \"v*\"",
		"effective_date = 2026-07-01# no blank",
		"[raci]\nmax_consulted = 3\n[[raci.independent]]\nrole = \"qc\"\nfrom = [\"sales\"]\nreason = \"r\"\n[[raci.independent]]\nrole = \"fin\"\n[versions]\nfolders = [\"a\"]\n",
		"title = \"T\"\n[[raci.independent]]\nrole = \"qc\"\nfrom = []\n",
		"[review]\nowner = \"a\"\ndue_soon = 30\neditorial = [\"policies/x\"]\n", "[review]\ndue_soon = 0\n", "[review]\ndue_soon = -3\n",
	} {
		fast, slow, ok, diags := bothWays(t, reflect.TypeFor[model.Meta](), []byte(text))
		if fast == nil || !ok || len(diags.Items) > 0 || !reflect.DeepEqual(fast, slow) {
			t.Errorf("%q: fastDecode %+v, key by key %v %v %+v", text, fast, ok, diags.Items, slow)
		}
	}
	for _, text := range []string{
		"applies_to = \"*\"\neffective_date = 2024-02-29\n",
		"applies_to = []\n",
		"applies_to = [\"a\", \"b\",]\n",
	} {
		fast, slow, ok, diags := bothWays(t, reflect.TypeFor[model.Policy](), []byte(text))
		if fast == nil || !ok || len(diags.Items) > 0 || !reflect.DeepEqual(fast, slow) {
			t.Errorf("%q: fastDecode %+v, key by key %v %v %+v", text, fast, ok, diags.Items, slow)
		}
	}
	text := "name = \"R\"\n[[kpi]]\nname = \"a\"\nweight = 60\n[[kpi]]\n[[kpi]]\nname = \"c\"\n"
	fast, slow, ok, _ := bothWays(t, reflect.TypeFor[model.Role](), []byte(text))
	if fast == nil || !ok || !reflect.DeepEqual(fast, slow) || len(fast.(*model.Role).KPIs) != 3 {
		t.Errorf("%q: fastDecode %+v, key by key %+v", text, fast, slow)
	}
}

// TestFastDecode_keepsUntouchedFields: fields that are not TOML keys keep
// what the caller set, and a declined file leaves the struct as it was.
func TestFastDecode_keepsUntouchedFields(t *testing.T) {
	doc := source.NewDoc("r", "r", nil)
	r := &model.Role{ID: "r", Src: doc}
	if !fastDecode([]byte("name = \"R\"\n"), r) || r.ID != "r" || r.Src != doc || r.Name != "R" {
		t.Errorf("decoded %+v", r)
	}
	r = &model.Role{ID: "r", Src: doc}
	if fastDecode([]byte("name = \"R\"\nduties = [\"a\"]\nteam = 1\n"), r) || !reflect.DeepEqual(r, &model.Role{ID: "r", Src: doc}) {
		t.Errorf("declined, yet %+v", r)
	}
}

// FuzzFastDecode: whenever fastDecode accepts a text, for any of the
// structs the loader decodes into, decoding key by key accepts it too,
// without a diagnostic, and fills the same struct; when it declines, it
// has changed nothing.
func FuzzFastDecode(f *testing.F) {
	for _, dir := range []string{"../../content", "../../testdata/check"} {
		_ = filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (path.Ext(file) == ".toml" || path.Ext(file) == ".md") {
				b, _ := os.ReadFile(file)
				if fm, _, _, found, closed := splitFrontMatter(b); found && closed {
					b = fm
				}
				f.Add(string(b))
			}
			return nil
		})
	}
	for _, s := range []string{
		"title = \"a\\\"b\"\ndescription = 'x'\n", "effective_date = 2026-07-01 # c\n", "weight = -5\n", "weight = 0\n",
		"[[step]]\nid = \"a\"\n[[step]]\nid = \"b\"\nnext = [\n\"a\", # c\n]\n", "[raci]\nmax_responsible = 3\n[markdown]\nraw_html = false\n",
		"[raci]\nmax_consulted = 1\n[[raci.independent]]\nrole = \"a\"\nfrom = [\"b\"]\n[[raci.independent]]\nreason = 'r'\n", "[[step]]\napproval = true\n",
		"applies_to = [\"a\"]\n", "applies_to = \"*\"\r\n", "[[kpi]]\nname = \"k\"\nweight = 1\n[[team]]\nid = \"t\"\n[[term]]\naliases = []\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		b := []byte(text)
		if invalidUTF8(b) >= 0 {
			return // refused before decoding
		}
		if _, ok := tomlDepth(b, MaxTOMLNesting); !ok {
			return
		}
		for _, typ := range decodedTypes {
			fast := fastOnly(t, typ, b)
			if fast == nil {
				continue
			}
			slow, ok, diags := keyByKey(typ, b)
			if !ok || len(diags.Items) > 0 {
				t.Fatalf("%q: fastDecode accepted it as %s, key by key: %v", text, typ, diags.Items)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("%q as %s: fastDecode gave\n%+v\nkey by key\n%+v", text, typ, fast, slow)
			}
		}
	})
}
