package source

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile holds what a handbook author can put in a name to take over the
// terminal of whoever runs accord: a window title (OSC 0), an erased line
// and a carriage return to overwrite it, the clipboard (OSC 52), a CSI as
// one C1 character, a right-to-left override and isolate, DEL, and a byte
// that is not UTF-8.
const hostile = "a\x1b]0;pwned\x07\x1b[2K\rb\x1b]52;c;Y3VybA==\x07c\u009b31md\u202ee\u2067f\x7fg\xff"

func TestEscapeLine_hostile(t *testing.T) {
	got := EscapeLine(hostile + "\n\tz")
	want := `a\x1b]0;pwned\x07\x1b[2K\rb\x1b]52;c;Y3VybA==\x07c\u009b31md\u202ee\u2067f\x7fg\xff\n\tz`
	if got != want {
		t.Errorf("EscapeLine:\n got %s\nwant %s", got, want)
	}
	assertTerminalSafe(t, got, false)
}

func TestEscapeText_keepsLineBreaksAndTabs(t *testing.T) {
	got := EscapeText("one\n\ttwo\r\nthree\x1b[2K")
	want := "one\n\ttwo\\r\nthree\\x1b[2K"
	if got != want {
		t.Errorf("EscapeText: got %q, want %q", got, want)
	}
	assertTerminalSafe(t, got, true)
}

func TestEscapeLine_leavesPrintableTextAlone(t *testing.T) {
	for _, s := range []string{"", "roles/sales-rep.toml", "业务员 (sales-rep)", `C:\path "quoted"`, "naïve — ok €", "\u00a0\u00ad\u200b"} {
		if got := EscapeLine(s); got != s {
			t.Errorf("EscapeLine(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestEscapeLine_twiceIsOnce(t *testing.T) {
	once := EscapeLine(hostile)
	if twice := EscapeLine(once); twice != once {
		t.Errorf("escaping twice: %q, once: %q", twice, once)
	}
}

// TestEscapeLine_everyBidiControl escapes each of Unicode's bidirectional
// controls, the overrides and isolates that can fake the order of text.
func TestEscapeLine_everyBidiControl(t *testing.T) {
	for _, r := range []rune{0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069} {
		if got := EscapeLine(string(r)); !strings.HasPrefix(got, `\u`) {
			t.Errorf("U+%04X: got %q", r, got)
		}
	}
}

func TestDiagnostic_String_escapesFileAndMessage(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "roles/" + hostile + ".toml", Line: 3, Col: 1}, Severity: Warning, Msg: "role " + hostile + " is idle\nfake.toml:1:1: all good"}
	got := d.String()
	assertTerminalSafe(t, got, false)
	if !strings.HasPrefix(got, `roles/a\x1b]0;pwned`) || !strings.Contains(got, `.toml:3:1: warning: role a\x1b]0;`) || !strings.HasSuffix(got, `is idle\nfake.toml:1:1: all good`) {
		t.Errorf("got %s", got)
	}
	var b bytes.Buffer
	l := &List{Items: []Diagnostic{d, {Pos: Pos{File: "\u202egnp.exe"}, Msg: "x"}}}
	l.Report(&b)
	assertTerminalSafe(t, strings.TrimSuffix(b.String(), "\n"), true)
	if strings.Count(b.String(), "\n") != 3 {
		t.Errorf("Report printed more lines than diagnostics:\n%s", b.String())
	}
}

// assertTerminalSafe fails when s holds anything a terminal might obey:
// a control character (a line break or tab only when lines are allowed),
// a bidirectional control, or a byte that is not UTF-8.
func assertTerminalSafe(t *testing.T, s string, lines bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("not UTF-8: %q", s)
	}
	for i, r := range s {
		if unsafeRune(r, lines) {
			t.Errorf("raw U+%04X at byte %d of %q", r, i, s)
			return
		}
	}
}
