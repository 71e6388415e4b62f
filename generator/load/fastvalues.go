package load

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/accord-handbook/accord/generator/source/tomlscan"
)

// value reads the value of a key into fv.
func (p *fastParser) value(fv reflect.Value, kind fastKind) bool {
	switch kind {
	case fastString:
		s, ok := p.stringValue()
		fv.SetString(s)
		return ok
	case fastInt:
		n, ok := parseInt(p.scalar())
		fv.SetInt(n)
		return ok
	case fastIntPtr:
		n, ok := parseInt(p.scalar())
		v := int(n)
		fv.Set(reflect.ValueOf(&v))
		return ok
	case fastBool:
		s, ok := p.scalar()
		fv.SetBool(s == "true")
		return ok && (s == "true" || s == "false")
	case fastStrings:
		list, ok := p.stringArray()
		fv.Set(reflect.ValueOf(list))
		return ok
	case fastUnmarshaler:
		data, ok := p.anyValue()
		return ok && fv.Addr().Interface().(toml.Unmarshaler).UnmarshalTOML(data) == nil
	}
	return false
}

// anyValue reads a value as the decoder hands it to an UnmarshalTOML
// method: string, int64, bool, time.Time or []any of strings.
func (p *fastParser) anyValue() (any, bool) {
	if !p.More() {
		return nil, false
	}
	switch c := p.Src[p.Pos]; {
	case c == '"' || c == '\'':
		return p.stringValue()
	case c == '[':
		list, ok := p.stringArray()
		if !ok {
			return nil, false
		}
		out := make([]any, len(list))
		for i, s := range list {
			out[i] = s
		}
		return out, true
	case tomlscan.IsBare(c):
		s, ok := p.scalar()
		switch {
		case !ok:
			return nil, false
		case s == "true" || s == "false":
			return s == "true", true
		case isDate(s):
			return dateValue(s)
		}
		return parseInt(s, true)
	}
	return nil, false
}

// stringValue reads a one-line basic or literal string.
func (p *fastParser) stringValue() (string, bool) {
	if !p.At('"') && !p.At('\'') || p.Multi() {
		return "", false
	}
	q := p.Src[p.Pos]
	content, closed, clean := p.Quoted()
	switch {
	case !closed:
		return "", false
	case clean:
		return p.str[content.Start:content.End], true
	}
	var buf []byte        // the string so far, once it has had an escape
	last := content.Start // Src[last:i] is not in buf yet
	for i := content.Start; i < content.End; i++ {
		c := p.Src[i]
		switch {
		case c == '\\' && q == '"':
			// The scanner took the byte after a backslash as part of the
			// string, so there is one before the closing quote.
			var r byte
			switch p.Src[i+1] {
			case '"':
				r = '"'
			case '\\':
				r = '\\'
			case 'n':
				r = '\n'
			case 't':
				r = '\t'
			case 'r':
				r = '\r'
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			default:
				return "", false // \u, \U, \x, \e and mistakes: the decoder's
			}
			buf = append(append(buf, p.Src[last:i]...), r)
			i++
			last = i + 1
		case isControlByte(c):
			return "", false
		}
	}
	return string(append(buf, p.Src[last:content.End]...)), true
}

// scalar reads a bare value (an integer, a local date, true or false) and
// reports whether it ends there: 1_000 and truex are one bare run, and
// 1.5, 2026-07-01T10:00 or 1e3 go on past it, so none is read as a value.
func (p *fastParser) scalar() (string, bool) {
	run := p.Bare()
	s := p.str[run.Start:run.End]
	return s, s != "" && (!p.More() || isValueEnd(p.Src[p.Pos]))
}

// parseInt reads a decimal integer of at most 18 digits, which int64
// holds, as scalar returned it.
func parseInt(s string, ok bool) (int64, bool) {
	digits := strings.TrimPrefix(s, "-")
	n := len(digits)
	if !ok || n == 0 || n > 18 || n > 1 && digits[0] == '0' || n < len(s) && digits[0] == '0' {
		return 0, false // -0 is valid TOML, but not worth its own rules
	}
	for i := 0; i < n; i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

// isDate reports whether s is a local date, 2026-07-01.
func isDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dateValue reads a local date as the decoder does: the same layout in the
// same location, so that an UnmarshalTOML method sees the same time.Time.
func dateValue(s string) (any, bool) {
	t, err := time.ParseInLocation("2006-01-02", s, localDate())
	return t, err == nil
}

// localDate is the decoder's location for local dates (an unexported value
// of an internal package), taken from a date it decoded.
var localDate = sync.OnceValue(func() *time.Location {
	var v struct{ D time.Time }
	if _, err := toml.Decode("D = 2006-01-02", &v); err != nil {
		panic(err)
	}
	return v.D.Location()
})

// stringArray reads an array of strings, over several lines if need be,
// with comments and a trailing comma. An empty array is an empty, non-nil
// slice, as the decoder makes it.
func (p *fastParser) stringArray() ([]string, bool) {
	if !p.Accept('[') {
		return nil, false
	}
	out := make([]string, 0, 4)
	for {
		if !p.skipArrayBlank() {
			return nil, false
		}
		if p.Accept(']') {
			return out, true
		}
		s, ok := p.stringValue()
		if !ok || !p.skipArrayBlank() {
			return nil, false
		}
		out = append(out, s)
		if p.Accept(']') {
			return out, true
		}
		if !p.Accept(',') {
			return nil, false
		}
	}
}

// skipArrayBlank skips what may come between the values of an array:
// blanks, newlines and comments.
func (p *fastParser) skipArrayBlank() bool {
	for p.More() {
		switch p.Src[p.Pos] {
		case ' ', '\t', '\n':
			p.Pos++
		case '\r':
			if !p.newline() {
				return false
			}
		case '#':
			if !p.comment() {
				return false
			}
		default:
			return true
		}
	}
	return true
}

// lineEnd reads the end of a line after a header or a key's value: blanks,
// a comment, and a newline or the end of the text.
func (p *fastParser) lineEnd() bool {
	p.Blank()
	if p.At('#') && !p.comment() {
		return false
	}
	switch {
	case !p.More():
		return true
	case p.Src[p.Pos] == '\n':
		p.Pos++
		return true
	case p.Src[p.Pos] == '\r':
		return p.newline()
	}
	return false
}

// comment reads a comment up to its newline. Control characters other
// than tab are not allowed in one, and a carriage return only as the first
// half of a CRLF.
func (p *fastParser) comment() bool {
	text := p.Comment()
	if text.End > text.Start && p.Src[text.End-1] == '\r' && p.More() {
		text.End--
	}
	for _, c := range p.Src[text.Start:text.End] {
		if isControlByte(c) {
			return false
		}
	}
	return true
}

// newline reads "\r\n"; a carriage return alone is an error.
func (p *fastParser) newline() bool {
	if p.Pos+1 < len(p.Src) && p.Src[p.Pos] == '\r' && p.Src[p.Pos+1] == '\n' {
		p.Pos += 2
		return true
	}
	return false
}

func (p *fastParser) bareKey() string {
	run := p.Bare()
	return p.str[run.Start:run.End]
}

func isValueEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#'
}

func isControlByte(c byte) bool {
	return c < 0x20 && c != '\t' || c == 0x7f
}
