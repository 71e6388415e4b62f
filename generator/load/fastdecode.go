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

// fastDecode decodes text into v when the file keeps to the plain TOML a
// handbook is written in, and reports whether it did. Otherwise it returns
// false and leaves v as it was, for decodeKeyByKey to decode and report.
//
// Parsing with the TOML decoder and then decoding key by key through
// toml.Primitive is most of the cost of loading (bench/README.md, "TOML: the
// fast path, measured"), and nearly every file is valid. This is one pass
// over the text, read with the lexer of the key index and the nesting guard
// (tomlscan), that fills v directly, for: bare keys that name a field
// exactly, [table] and [[table]] headers of one bare key at the top of the
// file, [[table.array]] headers of an array of tables in such a table,
// basic strings with the common escapes, literal strings, decimal integers
// (into int or *int), true and false, local dates and arrays of strings.
// It gives up on anything else (other values, dotted or quoted keys,
// unknown or mis-cased keys, a key written twice, a type that does not
// fit, control characters, a lone carriage return, a value of a type it
// does not know), so that every error and everything it cannot be sure of
// is left to the decoder. Accepted text must decode to exactly what
// decodeKeyByKey would give, without a diagnostic: TestFastDecode and
// FuzzFastDecode compare the two.
func fastDecode(text []byte, v any) bool {
	rv := reflect.ValueOf(v).Elem()
	root := fastPlanOf(rv.Type())
	if root == nil {
		return false
	}
	// Filled on a copy: when the decoder takes over, it must start from v
	// as it was, not from what was decoded up to the point of giving up.
	tmp := reflect.New(rv.Type()).Elem()
	tmp.Set(rv)
	p := fastParser{Scanner: tomlscan.Scanner{Src: text}, str: string(text)}
	if !p.file(tmp, root) {
		return false
	}
	rv.Set(tmp)
	return true
}

// fastKind is what a field holds, as far as fastDecode is concerned.
type fastKind uint8

const (
	fastOther       fastKind = iota // left to the decoder
	fastString                      // string
	fastInt                         // int
	fastIntPtr                      // *int (a value that may be left out, as [review] due_soon)
	fastBool                        // bool
	fastStrings                     // []string
	fastUnmarshaler                 // decodes itself (model.Date, model.AppliesTo)
	fastTable                       // a plain struct: a [table]
	fastTables                      // a slice of plain structs or pointers to them: [[table]]
)

type fastField struct {
	index int
	bit   uint64 // in the set of keys a table has had
	kind  fastKind
	elem  reflect.Type // the struct of a fastTable or fastTables
	ptr   bool         // fastTables of pointers
}

type fastStruct struct {
	fields map[string]fastField // by toml key, exactly
}

var (
	fastPlans   sync.Map // reflect.Type -> *fastStruct
	stringType  = reflect.TypeFor[string]()
	intType     = reflect.TypeFor[int]()
	intPtrType  = reflect.TypeFor[*int]()
	boolType    = reflect.TypeFor[bool]()
	stringsType = reflect.TypeFor[[]string]()
)

// fastPlanOf returns how fastDecode fills struct t, nil when it cannot
// (a struct of more than 64 fields: keys written are kept in a bit set).
func fastPlanOf(t reflect.Type) *fastStruct {
	if p, ok := fastPlans.Load(t); ok {
		return p.(*fastStruct)
	}
	if t.NumField() > 64 {
		fastPlans.Store(t, (*fastStruct)(nil))
		return nil
	}
	plan := &fastStruct{fields: map[string]fastField{}}
	for key, i := range tomlFields(t) {
		f := fastField{index: i, bit: 1 << i, kind: fastOther}
		ft := t.Field(i).Type
		// The decoder's order: a type that decodes itself is never taken
		// apart, whatever its kind.
		switch {
		case reflect.PointerTo(ft).Implements(unmarshalTOML):
			f.kind = fastUnmarshaler
		case reflect.PointerTo(ft).Implements(unmarshalText):
			// left to the decoder
		case ft == stringType:
			f.kind = fastString
		case ft == intType:
			f.kind = fastInt
		case ft == intPtrType:
			f.kind = fastIntPtr
		case ft == boolType:
			f.kind = fastBool
		case ft == stringsType:
			f.kind = fastStrings
		case plainStruct(ft):
			f.kind, f.elem = fastTable, ft
		case ft.Kind() == reflect.Slice && plainStruct(ft.Elem()):
			f.kind, f.elem = fastTables, ft.Elem()
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Pointer && plainStruct(ft.Elem().Elem()):
			f.kind, f.elem, f.ptr = fastTables, ft.Elem().Elem(), true
		}
		plan.fields[key] = f
	}
	fastPlans.Store(t, plan)
	return plan
}

type fastParser struct {
	tomlscan.Scanner
	str string // Src as a string: values without escapes are slices of it
}

// file reads the whole text into root. Headers name fields of root, and
// [[a.b]] an array of tables b in the [a] of root: a table is never
// reopened, and nests no deeper.
func (p *fastParser) file(root reflect.Value, plan *fastStruct) bool {
	var rootSeen, tableSeen uint64 // the keys and headers each table has had
	var subSeen map[int]uint64     // per table of the file, its [[table.array]]s begun
	cur, curPlan, seen := root, plan, &rootSeen
	for {
		p.Blank()
		if !p.More() {
			return true
		}
		switch c := p.Src[p.Pos]; {
		case c == '\n':
			p.Pos++
		case c == '\r':
			if !p.newline() {
				return false
			}
		case c == '#':
			if !p.comment() {
				return false
			}
		case c == '[':
			p.Pos++
			array := p.Accept('[')
			name, sub := p.bareKey(), ""
			if p.Accept('.') {
				if sub = p.bareKey(); sub == "" {
					return false
				}
			}
			if name == "" || !p.Accept(']') || array && !p.Accept(']') {
				return false
			}
			f, ok := plan.fields[name]
			if !ok {
				return false
			}
			fv := root.Field(f.index)
			elem := f.elem
			switch {
			case sub != "":
				// [[table.array]]: an array of tables in a [table] of the
				// file ([[raci.independent]]), whether or not [table] was
				// written before; a [table] after it is the decoder's.
				if !array || f.kind != fastTable {
					return false
				}
				tplan := fastPlanOf(f.elem)
				if tplan == nil {
					return false
				}
				sf, ok := tplan.fields[sub]
				if !ok || sf.kind != fastTables {
					return false
				}
				if subSeen == nil {
					subSeen = map[int]uint64{}
				}
				if subSeen[f.index]&sf.bit == 0 {
					fv.Field(sf.index).SetZero()
				}
				subSeen[f.index] |= sf.bit
				cur, elem = appendTable(fv.Field(sf.index), sf), sf.elem
			case !array && f.kind == fastTable && rootSeen&f.bit == 0:
				cur = fv
			case array && f.kind == fastTables:
				if rootSeen&f.bit == 0 {
					fv.SetZero() // the first [[table]] starts the array afresh
				}
				cur = appendTable(fv, f)
			default:
				return false
			}
			rootSeen |= f.bit
			if curPlan = fastPlanOf(elem); curPlan == nil {
				return false
			}
			tableSeen, seen = 0, &tableSeen
			if !p.lineEnd() {
				return false
			}
		case tomlscan.IsBare(c):
			name := p.bareKey()
			p.Blank()
			if !p.Accept('=') {
				return false
			}
			p.Blank()
			f, ok := curPlan.fields[name]
			if !ok || *seen&f.bit != 0 {
				return false
			}
			*seen |= f.bit
			if !p.value(cur.Field(f.index), f.kind) || !p.lineEnd() {
				return false
			}
		default:
			return false
		}
	}
}

// appendTable appends a new table to the array of tables fv, the field f,
// and returns it.
func appendTable(fv reflect.Value, f fastField) reflect.Value {
	if f.ptr {
		e := reflect.New(f.elem)
		fv.Set(reflect.Append(fv, e))
		return e.Elem()
	}
	fv.Set(reflect.Append(fv, reflect.New(f.elem).Elem()))
	return fv.Index(fv.Len() - 1)
}

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
