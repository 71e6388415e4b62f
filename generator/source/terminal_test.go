package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/internal/termcheck"
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
	termcheck.Safe(t, "EscapeLine", got, false)
}

func TestEscapeText_keepsLineBreaksAndTabs(t *testing.T) {
	got := EscapeText("one\n\ttwo\r\nthree\x1b[2K")
	want := "one\n\ttwo\\r\nthree\\x1b[2K"
	if got != want {
		t.Errorf("EscapeText: got %q, want %q", got, want)
	}
	termcheck.Safe(t, "EscapeText", got, true)
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

func TestDiagnostic_String_escapesFileAndMessage(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "roles/" + hostile + ".toml", Line: 3, Col: 1}, Severity: Warning, Msg: "role " + hostile + " is idle\nfake.toml:1:1: all good"}
	got := d.String()
	termcheck.Safe(t, "String", got, false)
	if !strings.HasPrefix(got, `roles/a\x1b]0;pwned`) || !strings.Contains(got, `.toml:3:1: warning: role a\x1b]0;`) || !strings.HasSuffix(got, `is idle\nfake.toml:1:1: all good`) {
		t.Errorf("got %s", got)
	}
	var b bytes.Buffer
	l := &List{Items: []Diagnostic{d, {Pos: Pos{File: "\u202egnp.exe"}, Msg: "x"}}}
	l.Report(&b)
	termcheck.Safe(t, "Report", b.String(), true)
	if strings.Count(b.String(), "\n") != 3 {
		t.Errorf("Report printed more lines than diagnostics:\n%s", b.String())
	}
}

// TestEscapeLine_everyRune checks the escaper against termcheck's own list
// on every code point: what termcheck would flag is escaped into something
// it does not flag, and everything else is left alone.
func TestEscapeLine_everyRune(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		s := string(r)
		got := EscapeLine(s)
		if i, _ := termcheck.Find(s, false); i < 0 {
			if got != s {
				t.Fatalf("U+%04X: escaped to %q, want it unchanged", r, got)
			}
			continue
		}
		if got == s {
			t.Fatalf("U+%04X: left raw", r)
		}
		termcheck.Safe(t, fmt.Sprintf("U+%04X", r), got, false)
	}
}
