package diff

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestLabels_sameKeys(t *testing.T) {
	for key := range labels["en"] {
		if _, ok := labels["zh-CN"][key]; !ok {
			t.Errorf("zh-CN has no label %q", key)
		}
	}
	for key := range labels["zh-CN"] {
		if _, ok := labels["en"][key]; !ok {
			t.Errorf("en has no label %q", key)
		}
	}
	if Label("zh", "roles") != "岗位" || Label("fr", "roles") != "Roles" || Label("en", "no-such-key") != "no-such-key" {
		t.Error("Label fallbacks are wrong")
	}
}

// hostile is a change set whose every string tries to break out of the
// page or to fetch something.
func hostile() *ChangeSet {
	bad := `<script src="http://evil.example/x.js"></script><img src=x onerror=alert(1)>"'&`
	return &ChangeSet{
		New:      Side{Title: bad, Language: `en"><script>`},
		Handbook: []FieldChange{{Field: "title", Old: bad, New: bad + "!"}},
		Roles:    []RoleChange{{ID: "r", Name: bad, Change: Changed, Lists: []ListChange{{Field: "duties", Added: []string{bad}}}}},
		RACI:     []RACICell{{Workflow: "w", WorkflowName: bad, Step: "s", StepName: bad, Role: "r", RoleName: bad, Old: "R", New: ""}},
		Policies: []PolicyChange{{ID: "p", Title: bad, Change: Changed, Text: []ParagraphChange{{Change: Changed, NewIndex: 1, Spans: []Span{{Equal, bad}, {Insert, bad}}}}}},
		Glossary: []TermChange{{Term: bad, Change: Added}},
	}
}

func TestHTML_escapesAndFetchesNothing(t *testing.T) {
	var out bytes.Buffer
	if err := HTML(&out, hostile(), "<title>"); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	allowed := map[string]bool{"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
		"h1": true, "h2": true, "h3": true, "p": true, "ul": true, "li": true, "strong": true, "code": true, "span": true,
		"div": true, "table": true, "tr": true, "th": true, "td": true, "del": true, "ins": true}
	for _, m := range regexp.MustCompile(`<([a-zA-Z0-9]+)`).FindAllStringSubmatch(page, -1) {
		if !allowed[m[1]] {
			t.Errorf("page has a <%s> element", m[1])
		}
	}
	for _, bad := range []string{"@import", "url(", `lang="en"><script>`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script") {
		t.Error("the handbook's text is missing from the page")
	}
}

func TestMarkdown_escapes(t *testing.T) {
	c := &ChangeSet{Teams: []TeamChange{{ID: "t", Name: "*bold* [link](x) | pipe", Change: Changed,
		Fields: []FieldChange{{Field: "description", Old: "<b>", New: "1. list"}}}}}
	var out bytes.Buffer
	if err := Markdown(&out, c); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`\*bold\* \[link\](x) \| pipe`, `\<b\> → 1. list`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out.String())
		}
	}
}

func TestMdInline_marksEachLine(t *testing.T) {
	got := mdInline([]Span{{Equal, "- a"}, {Insert, " b\n- c "}, {Delete, "1. d"}}, "  ")
	want := "\\- a **b**<br>\n  **\\- c** ~~1. d~~"
	if got != want {
		t.Errorf("mdInline = %q, want %q", got, want)
	}
}

func TestJSON_emptyIsArrays(t *testing.T) {
	var out bytes.Buffer
	if err := JSON(&out, Compare(nil, nil)); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"handbook", "teams", "roles", "workflows", "raci", "responsibilities", "policies", "pages", "glossary"} {
		if a, ok := m[key].([]any); !ok || len(a) != 0 {
			t.Errorf("%s = %v, want []", key, m[key])
		}
	}
	if m["schema"] != Schema {
		t.Errorf("schema = %v", m["schema"])
	}
	if _, ok := m["assets"]; ok {
		t.Error("unchanged assets must be left out")
	}
}

func TestCompare_emptyAndNil(t *testing.T) {
	if !Compare(nil, nil).Empty() {
		t.Error("nil vs nil is not empty")
	}
	h := loadFiles(t, "hb", base())
	if c := Compare(h, h); !c.Empty() {
		t.Errorf("a handbook differs from itself:\n%s", jsonOf(c))
	}
	c := Compare(nil, h)
	if c.Empty() || len(c.Roles) != 3 || c.Roles[0].Change != Added {
		t.Errorf("everything should be added:\n%s", jsonOf(c.Roles))
	}
}
