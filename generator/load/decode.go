package load

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
	"github.com/accord-handbook/accord/generator/suggest"
)

// decodeTOML decodes text (the TOML part of doc, at the same offsets) into v
// strictly: syntax errors, type errors and unknown keys are reported at their
// position. It returns false when something could not be decoded.
//
// Each known key is decoded on its own (through toml.Primitive), in sorted
// order, so that one bad value neither hides the others' errors nor leaves v
// half-filled in an order that changes from run to run (the decoder walks a
// Go map). A key that fails is left zero and marked with doc.Fail, so checks
// do not add "is missing" to its error. Keys match their field exactly:
// the decoder alone would accept "Title" for "title".
//
// That costs a parse and a decode per key. A file in the plain TOML a
// handbook is written in, without a mistake, is first tried by fastDecode,
// which fills v the same way in one pass; anything it is unsure of goes to
// decodeKeyByKey, so every diagnostic is still the decoder's.
func decodeTOML(doc *source.Doc, text []byte, v any, diags *source.List) bool {
	if i := invalidUTF8(text); i >= 0 {
		diags.Errorf(doc.Offset(i), "invalid UTF-8: save the file as UTF-8")
		doc.Broken = true
		return false
	}
	if off, ok := tomlDepth(text, MaxTOMLNesting); !ok {
		// Refused before decoding: the decoder would take minutes and
		// gigabytes (see MaxTOMLNesting).
		diags.Errorf(doc.Offset(off), "TOML nested more than %d levels deep (arrays, inline tables or parts of dotted keys): flatten it", MaxTOMLNesting)
		doc.Broken = true
		return false
	}
	doc.Keys = source.IndexKeys(text)
	if fastDecode(text, v) {
		return true
	}
	return decodeKeyByKey(doc, text, v, diags)
}

// tomlHint adds what an author used to YAML or INI most likely meant.
func tomlHint(msg string) string {
	switch {
	case strings.HasPrefix(msg, "expected value but found "):
		return `: strings need quotes (title = "My page"); dates are written 2026-07-01`
	case strings.Contains(msg, "but got ':' instead"):
		return `: TOML writes key = value, not key: value`
	}
	return ""
}

// decodeKeyByKey decodes text as decodeTOML describes, with the TOML
// decoder, key by key, reporting every error; decodeTOML has checked the
// bytes and indexed the keys of doc.
func decodeKeyByKey(doc *source.Doc, text []byte, v any, diags *source.List) bool {
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(text), &top)
	if err != nil {
		var pe toml.ParseError
		msg := err.Error()
		off := 0
		if errors.As(err, &pe) {
			msg = pe.Message
			if pe.Usage != "" {
				msg += " (" + firstLine(pe.Usage) + ")"
			}
			off = skipBlank(text, pe.Position.Start)
			msg += tomlHint(pe.Message)
		}
		diags.Errorf(doc.Offset(off), "invalid TOML: %s", msg)
		doc.Broken = true
		return false
	}
	d := &decoder{md: &md, doc: doc, diags: diags, ok: true, root: reflect.TypeOf(v).Elem()}
	d.structure(top, reflect.ValueOf(v).Elem(), nil)
	return d.ok
}

type decoder struct {
	md    *toml.MetaData
	doc   *source.Doc
	diags *source.List
	ok    bool
	root  reflect.Type // the type of the whole file
	id    string       // the id key of the table being decoded, for messages
}

// structure decodes the keys of one table into the struct rv; path is the
// indexed key path of the table ("step.2").
func (d *decoder) structure(data map[string]toml.Primitive, rv reflect.Value, path []string) {
	defer func(id string) { d.id = id }(d.id)
	d.id = ""
	if prim, ok := data["id"]; ok {
		d.md.PrimitiveDecode(prim, &d.id) // its own error, if any, is reported with the other keys
	}
	fields := tomlFields(rv.Type())
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := append(slices.Clone(path), k)
		i, known := fields[k]
		if !known {
			d.unknown(p, rv.Type())
			continue
		}
		d.value(data[k], rv.Field(i), p)
	}
}

// value decodes one value into fv, descending into tables and arrays of
// tables so that their keys are checked too.
func (d *decoder) value(prim toml.Primitive, fv reflect.Value, path []string) {
	t := fv.Type()
	switch {
	case plainStruct(t):
		var sub map[string]toml.Primitive
		if err := d.md.PrimitiveDecode(prim, &sub); err != nil {
			d.fail(path, fmt.Errorf("expected a table ([%s])", strings.Join(path, ".")))
			return
		}
		d.structure(sub, fv, path)
	case t.Kind() == reflect.Slice && plainStruct(derefType(t.Elem())):
		var subs []map[string]toml.Primitive
		if err := d.md.PrimitiveDecode(prim, &subs); err != nil {
			d.fail(path, fmt.Errorf("expected tables written as [[%s]]", path[len(path)-1]))
			return
		}
		fv.Set(reflect.MakeSlice(t, len(subs), len(subs)))
		for i, sub := range subs {
			elem := fv.Index(i)
			if elem.Kind() == reflect.Pointer {
				elem.Set(reflect.New(t.Elem().Elem()))
				elem = elem.Elem()
			}
			d.structure(sub, elem, append(slices.Clone(path), strconv.Itoa(i)))
		}
	default:
		if err := d.md.PrimitiveDecode(prim, fv.Addr().Interface()); err != nil {
			fv.Set(reflect.Zero(t))
			var list []string
			if rule, ok := oneOnly[path[len(path)-1]]; ok && t.Kind() == reflect.String && d.md.PrimitiveDecode(prim, &list) == nil {
				d.oneOnly(path, rule, list)
				return
			}
			d.fail(path, err)
		}
	}
}

// oneOnly holds, for the keys that take one role or team where authors
// often write a list, the rule a list breaks.
var oneOnly = map[string]string{
	"accountable": "a step has exactly one accountable role, the one who answers for it: keep one and make the others responsible or consulted",
	"owner":       "a document has one owner, the role that keeps it current",
	"approver":    "a document has one approver",
	"reports_to":  "a role reports to one role",
	"team":        "a role belongs to one team",
}

// oneOnly reports a list written where one id belongs.
func (d *decoder) oneOnly(path []string, rule string, list []string) {
	key := strings.Join(path, ".")
	last := path[len(path)-1]
	d.ok = false
	d.doc.Fail(key)
	where := ""
	if len(path) > 1 && d.id != "" {
		where = fmt.Sprintf("%s %q: ", path[0], d.id)
	}
	if len(list) == 1 {
		d.diags.Errorf(d.doc.ValueStart(key), "%s%s takes one id, not a list: write %s = %q", where, last, last, list[0])
		return
	}
	d.diags.Errorf(d.doc.ValueStart(key), "%s%s lists %d ids, but %s", where, last, len(list), rule)
}

// fail reports a value that cannot be decoded, at the key, or at the value
// for errors about the value itself (a quoted date, a bad applies_to).
func (d *decoder) fail(path []string, err error) {
	key := strings.Join(path, ".")
	last := path[len(path)-1]
	d.ok = false
	d.doc.Fail(key)
	var pe toml.ParseError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Message, model.ValueErrorPrefix) {
		d.diags.Errorf(d.doc.ValueStart(key), "%s: %s", last, strings.TrimPrefix(pe.Message, model.ValueErrorPrefix))
		return
	}
	d.diags.Errorf(d.doc.Key(key), "%s: %s", last, explainDecodeError(err))
}

// unknown reports a key that t has no field for, with the nearest known key.
func (d *decoder) unknown(path []string, t reflect.Type) {
	d.ok = false
	var plain, allowed []string
	for _, s := range path {
		if _, err := strconv.Atoi(s); err != nil {
			plain = append(plain, s)
		}
	}
	for k := range tomlFields(t) {
		allowed = append(allowed, k)
	}
	sort.Strings(allowed)
	msg := fmt.Sprintf("unknown key %q", strings.Join(plain, "."))
	last := path[len(path)-1]
	if _, top := tomlFields(d.root)[last]; top && len(path) > 1 && t != d.root {
		// The classic TOML trap: a top-level key written after a table
		// header belongs to that table.
		d.doc.Fail(last)
		header := "[" + plain[0] + "]"
		if i, ok := tomlFields(d.root)[plain[0]]; ok && d.root.Field(i).Type.Kind() == reflect.Slice {
			header = "[" + header + "]"
		}
		msg += fmt.Sprintf(": %s is a key of the file, but written after a %s line it belongs to that table; move it above the first %s", last, header, header)
		d.diags.Errorf(d.doc.Key(strings.Join(path, ".")), "%s", msg)
		return
	}
	if s := suggest.Closest(path[len(path)-1], allowed); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
		// The author meant s: "s is missing" would only repeat this error.
		d.doc.Fail(strings.Join(append(slices.Clone(path[:len(path)-1]), s), "."))
	} else if len(allowed) > 0 {
		msg += fmt.Sprintf(" (known keys here: %s)", strings.Join(fieldOrder(t), ", "))
	}
	d.diags.Errorf(d.doc.Key(strings.Join(path, ".")), "%s", msg)
}

var (
	unmarshalTOML = reflect.TypeFor[toml.Unmarshaler]()
	unmarshalText = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// plainStruct reports a struct decoded key by key, as opposed to one that
// decodes itself (model.Date, model.AppliesTo).
func plainStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(unmarshalTOML) &&
		!reflect.PointerTo(t).Implements(unmarshalText)
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// tomlFields maps the toml keys of struct t to field indices. The map is
// shared (computed once per type: every step of every workflow asks) and
// must not be changed.
func tomlFields(t reflect.Type) map[string]int {
	if m, ok := fieldsOf.Load(t); ok {
		return m.(map[string]int)
	}
	out := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if tag := tomlTag(t.Field(i)); tag != "" {
			out[tag] = i
		}
	}
	fieldsOf.Store(t, out)
	return out
}

var fieldsOf sync.Map // reflect.Type -> map[string]int

// fieldOrder lists the toml keys of struct t in declaration order, the order
// the format documents them in.
func fieldOrder(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if tag := tomlTag(t.Field(i)); tag != "" {
			out = append(out, tag)
		}
	}
	return out
}

func tomlTag(f reflect.StructField) string {
	tag := strings.Split(f.Tag.Get("toml"), ",")[0]
	if tag == "-" || !f.IsExported() {
		return ""
	}
	return tag
}

var (
	lastKeyRE = regexp.MustCompile(`\(last key "([^"]*)"\): `)
	typesRE   = regexp.MustCompile(`incompatible types: TOML value has type ([^;]+); destination has type (.+)$`)
)

// explainDecodeError turns the decoder's type errors into a message a
// handbook author understands, without the key (the caller names it).
func explainDecodeError(err error) string {
	s := err.Error()
	if m := lastKeyRE.FindStringSubmatch(s); m != nil {
		s = s[strings.Index(s, m[0])+len(m[0]):]
	}
	s = strings.TrimPrefix(s, "toml: ")
	if m := typesRE.FindStringSubmatch(s); m != nil {
		s = fmt.Sprintf("expected %s, found %s", goTypeWord(m[2]), tomlTypeWord(m[1]))
	}
	return s
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

func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1 // the common case, checked many bytes at a time
	}
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
