package diff

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/internal/termcheck"
)

// controls takes over a terminal if printed raw: window title, erase line,
// carriage return, clipboard (OSC 52), a C1 CSI, a right-to-left override.
const controls = "x\x1b]0;t\x07\x1b[2K\r\x1b]52;c;eA==\x07\u009b2J\u202ey\x7f"

// fill sets every string of v to s, and gives every slice one element and
// every pointer a value, so that each field of the type is written.
func fill(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), s)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), s)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s)
	}
}

// hostileEverywhere is a change set with controls in every string, the
// change kinds and span ops set so that the writers print every part.
func hostileEverywhere(change string) *ChangeSet {
	c := new(ChangeSet)
	fill(reflect.ValueOf(c).Elem(), controls)
	setKinds(reflect.ValueOf(c).Elem(), change)
	return c
}

func setKinds(v reflect.Value, change string) {
	switch v.Kind() {
	case reflect.Struct:
		if f := v.FieldByName("Change"); f.IsValid() {
			f.SetString(change)
		}
		if f := v.FieldByName("Op"); f.IsValid() {
			f.SetString(Insert)
		}
		for i := range v.NumField() {
			setKinds(v.Field(i), change)
		}
	case reflect.Slice:
		for i := range v.Len() {
			setKinds(v.Index(i), change)
		}
	case reflect.Pointer:
		setKinds(v.Elem(), change)
	}
}

// TestText_Markdown_escapeEveryString writes a change set whose every
// string holds escape sequences: the text and Markdown formats, coloured or
// not, print none of them raw.
func TestText_Markdown_escapeEveryString(t *testing.T) {
	for _, change := range []string{Added, Removed, Changed} {
		c := hostileEverywhere(change)
		var text, color, md bytes.Buffer
		for _, err := range []error{Text(&text, c, false), Text(&color, c, true), Markdown(&md, c)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		ours := strings.NewReplacer(red, "", green, "", bold, "", reset, "")
		termcheck.Safe(t, change+" text", text.String(), true)
		termcheck.Safe(t, change+" text, coloured", ours.Replace(color.String()), true)
		termcheck.Safe(t, change+" markdown", md.String(), true)
		if !strings.Contains(text.String(), `x\x1b]0;t\x07\x1b[2K\r\x1b]52;c;eA==\x07\u009b2J\u202ey\x7f`) {
			t.Errorf("%s: the escaped name is missing from the text:\n%s", change, text.String())
		}
	}
	if c := hostileEverywhere(Changed); c.Roles[0].Name != controls {
		t.Error("writing changed the caller's change set")
	}
}

// TestText_nameCannotFakeALine: a line break in a name is escaped, so a
// name cannot print a line of its own ("+ role boss" as if added), while a
// paragraph keeps its line breaks.
func TestText_nameCannotFakeALine(t *testing.T) {
	c := &ChangeSet{
		Roles: []RoleChange{{ID: "clerk", Name: "Clerk\n  + role boss", Change: Changed,
			Description: []ParagraphChange{{Change: Added, NewIndex: 1, New: "one\ntwo"}}}},
	}
	var text, md bytes.Buffer
	if err := Text(&text, c, false); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, c); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "markdown": md.String()} {
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "+ role boss") {
				t.Errorf("%s: the name printed a line of its own:\n%s", name, out)
			}
		}
	}
	if !strings.Contains(text.String(), `~ Clerk\n  + role boss (clerk)`) || !strings.Contains(md.String(), `### Clerk\\n  + role boss`) {
		t.Errorf("the name is not shown escaped:\n%s\n%s", text.String(), md.String())
	}
	if !strings.Contains(text.String(), "{+one+}\n          {+two+}") {
		t.Errorf("the paragraph lost its line break:\n%s", text.String())
	}
}
