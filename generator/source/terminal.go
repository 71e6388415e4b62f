package source

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EscapeLine makes text from the handbook, or anything else a user did not
// type on this terminal (file names, request paths, error messages), safe
// to print as part of one line: every control character becomes a visible
// escape. An escape sequence in a role name could otherwise set the window
// title, erase lines, move the cursor over the output to fake or hide a
// change, or write the clipboard (OSC 52); a line break could fake a line
// of output. Printable text, Chinese included, is left as it is.
func EscapeLine(s string) string { return escapeTerminal(s, false) }

// EscapeText is EscapeLine for text whose line breaks and tabs are its own,
// such as a paragraph shown in a diff: they are kept, and a carriage return,
// which could overwrite the line, is escaped like any other control.
func EscapeText(s string) string { return escapeTerminal(s, true) }

// escapeTerminal is the one implementation behind EscapeLine and
// EscapeText. Escaped are the C0 controls and DEL (as \x1b, or \n, \r,
// \t), the C1 controls U+0080–U+009F, which some terminals obey when they
// arrive as UTF-8, and the bidirectional controls (Unicode's Bidi_Control:
// the overrides and isolates U+202A–U+202E and U+2066–U+2069, and the
// marks U+061C, U+200E, U+200F; as \u202e), which reorder the text around
// them so that what a reader sees is not what is there. A byte that is not
// UTF-8 is shown as \xff: a terminal in a legacy 8-bit mode may take it for
// a C1 control. The escapes are themselves printable, so escaping twice
// changes nothing more.
func escapeTerminal(s string, keepLines bool) string {
	i := unsafeIndex(s, keepLines)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !unsafeRune(r, keepLines):
			b.WriteString(s[i : i+size])
		case shortEscapes[r] != "":
			b.WriteString(shortEscapes[r])
		case r < utf8.RuneSelf:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// shortEscapes are the escapes people know, as Go and C write them.
var shortEscapes = map[rune]string{'\n': `\n`, '\r': `\r`, '\t': `\t`}

// unsafeIndex is the offset of the first character escapeTerminal must
// escape, or -1: most text has none and is returned as it is.
func unsafeIndex(s string, keepLines bool) int {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if unsafeRune(rune(c), keepLines) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r, keepLines) {
			return i
		}
		i += size
	}
	return -1
}

func unsafeRune(r rune, keepLines bool) bool {
	switch {
	case keepLines && (r == '\n' || r == '\t'):
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	}
	return r > 0x9f && unicode.Is(unicode.Bidi_Control, r)
}
