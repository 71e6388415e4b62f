package load

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/suggest"
)

// decodeTOML decodes text (the TOML part of doc, at the same offsets) into v
// strictly: syntax errors, type errors and unknown keys are reported at their
// position. It returns false when v must not be trusted.
func decodeTOML(doc *source.Doc, text []byte, v any, diags *source.List) bool {
	if i := invalidUTF8(text); i >= 0 {
		diags.Errorf(doc.Offset(i), "invalid UTF-8: save the file as UTF-8")
		return false
	}
	doc.Keys = source.IndexKeys(text)
	md, err := toml.Decode(string(text), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) && strings.HasPrefix(pe.Message, model.ValueErrorPrefix) {
			msg := strings.TrimPrefix(pe.Message, model.ValueErrorPrefix)
			diags.Errorf(doc.Offset(pe.Position.Start), "%s: %s", lastSegment(pe.LastKey), msg)
			return false
		}
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.Usage != "" {
				msg += " (" + firstLine(pe.Usage) + ")"
			}
			diags.Errorf(doc.Offset(skipBlank(text, pe.Position.Start)), "invalid TOML: %s", msg)
			return false
		}
		key, msg := explainDecodeError(err)
		diags.Errorf(doc.Key(key), "%s", msg)
		return false
	}
	ok := true
	for _, k := range md.Undecoded() {
		plain := plainKey(k)
		allowed := allowedKeys(reflect.TypeOf(v), plain)
		last := plain[len(plain)-1]
		msg := fmt.Sprintf("unknown key %q", strings.Join(plain, "."))
		if s := suggest.Closest(last, allowed); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else if len(allowed) > 0 {
			msg += fmt.Sprintf(" (known keys here: %s)", strings.Join(allowed, ", "))
		}
		positions := doc.KeyAll(strings.Join(plain, "."))
		if len(positions) == 0 {
			positions = []source.Pos{doc.Line(1)}
		}
		for _, p := range positions {
			diags.Errorf(p, "%s", msg)
		}
		ok = false
	}
	return ok
}

// plainKey drops array indices, which Undecoded never includes anyway.
func plainKey(k toml.Key) []string {
	out := make([]string, 0, len(k))
	for _, s := range k {
		out = append(out, s)
	}
	return out
}

var (
	lastKeyRE = regexp.MustCompile(`\(last key "([^"]*)"\): `)
	typesRE   = regexp.MustCompile(`incompatible types: TOML value has type ([^;]+); destination has type (.+)$`)
)

// explainDecodeError turns the decoder's type errors into a key to point at
// and a message a handbook author understands.
func explainDecodeError(err error) (key, msg string) {
	s := err.Error()
	if m := lastKeyRE.FindStringSubmatch(s); m != nil {
		key = m[1]
		s = s[strings.Index(s, m[0])+len(m[0]):]
	}
	s = strings.TrimPrefix(s, "toml: ")
	if m := typesRE.FindStringSubmatch(s); m != nil {
		s = fmt.Sprintf("expected %s, found %s", goTypeWord(m[2]), tomlTypeWord(m[1]))
	}
	if key != "" {
		return key, fmt.Sprintf("%s: %s", lastSegment(key), s)
	}
	return key, s
}

func lastSegment(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

func goTypeWord(t string) string {
	switch {
	case strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "slice"):
		return "an array"
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "int"):
		return "an integer"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "struct") || strings.HasPrefix(t, "map"):
		return "a table"
	}
	return t
}

func tomlTypeWord(t string) string {
	t = strings.TrimSpace(t)
	switch {
	case strings.HasPrefix(t, "[]map") || strings.HasPrefix(t, "[]map[string]interface"):
		return "an array of tables"
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "int"):
		return "an integer"
	case strings.HasPrefix(t, "float"):
		return "a float"
	case t == "bool":
		return "a boolean"
	case strings.HasPrefix(t, "map"):
		return "a table"
	case strings.Contains(t, "Time"):
		return "a date"
	}
	return t
}

// allowedKeys lists the toml keys accepted at the level of path's last
// segment, following struct fields and slices of structs.
func allowedKeys(t reflect.Type, path []string) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	for _, seg := range path[:len(path)-1] {
		f, ok := fieldByTag(t, seg)
		if !ok {
			return nil
		}
		t = f
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]
		if tag != "" && tag != "-" {
			out = append(out, tag)
		}
	}
	return out
}

func fieldByTag(t reflect.Type, tag string) (reflect.Type, bool) {
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := 0; i < t.NumField(); i++ {
		if strings.Split(t.Field(i).Tag.Get("toml"), ",")[0] == tag {
			return t.Field(i).Type, true
		}
	}
	return nil, false
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// skipBlank moves an error offset off the blanks before the offending text,
// where the decoder tends to point.
func skipBlank(text []byte, off int) int {
	for off >= 0 && off < len(text) && (text[off] == ' ' || text[off] == '\t') {
		off++
	}
	return off
}
