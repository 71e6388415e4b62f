package load

import (
	"reflect"
	"strconv"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// fastDecode decodes text into v when the file keeps to the plain TOML a
// handbook is written in, and reports whether it did. Otherwise it returns
// false and leaves v as it was, for decodeKeyByKey to decode and report.
//
// Parsing with the TOML decoder and then decoding key by key through
// toml.Primitive is most of the cost of loading, and nearly every file is
// valid. This is one pass over the bytes that fills v directly, for: bare
// keys that name a field exactly, [table] and [[table]] headers of one bare
// key at the top of the file, basic strings with the common escapes, literal
// strings, decimal integers, true and false, local dates and arrays of
// strings. It gives up on anything else (other values, dotted or quoted
// keys, unknown or mis-cased keys, a key written twice, a type that does not
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
	p := fastParser{src: text, str: string(text)}
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
	src []byte
	str string // src as a string: values without escapes are slices of it
	pos int
}

// file reads the whole text into root. Headers name fields of root only:
// there is no [a.b], so a table is never reopened or nested.
func (p *fastParser) file(root reflect.Value, plan *fastStruct) bool {
	var rootSeen, tableSeen uint64 // the keys and headers each table has had
	cur, curPlan, seen := root, plan, &rootSeen
	for {
		p.skipBlank()
		if p.pos >= len(p.src) {
			return true
		}
		switch c := p.src[p.pos]; {
		case c == '\n':
			p.pos++
		case c == '\r':
			if !p.newline() {
				return false
			}
		case c == '#':
			if !p.comment() {
				return false
			}
		case c == '[':
			array := p.pos+1 < len(p.src) && p.src[p.pos+1] == '['
			p.pos++
			if array {
				p.pos++
			}
			name := p.bareKey()
			if name == "" || !p.accept(']') || array && !p.accept(']') {
				return false
			}
			f, ok := plan.fields[name]
			if !ok {
				return false
			}
			fv := root.Field(f.index)
			switch {
			case !array && f.kind == fastTable && rootSeen&f.bit == 0:
				cur = fv
			case array && f.kind == fastTables:
				if rootSeen&f.bit == 0 {
					fv.SetZero() // the first [[table]] starts the array afresh
				}
				if f.ptr {
					e := reflect.New(f.elem)
					fv.Set(reflect.Append(fv, e))
					cur = e.Elem()
				} else {
					fv.Set(reflect.Append(fv, reflect.New(f.elem).Elem()))
					cur = fv.Index(fv.Len() - 1)
				}
			default:
				return false
			}
			rootSeen |= f.bit
			if curPlan = fastPlanOf(f.elem); curPlan == nil {
				return false
			}
			tableSeen, seen = 0, &tableSeen
			if !p.lineEnd() {
				return false
			}
		case isBareKeyByte(c):
			name := p.bareKey()
			p.skipBlank()
			if !p.accept('=') {
				return false
			}
			p.skipBlank()
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

// value reads the value of a key into fv.
func (p *fastParser) value(fv reflect.Value, kind fastKind) bool {
	switch kind {
	case fastString:
		s, ok := p.stringValue()
		fv.SetString(s)
		return ok
	case fastInt:
		n, ok := p.intValue()
		fv.SetInt(n)
		return ok
	case fastBool:
		b, ok := p.boolValue()
		fv.SetBool(b)
		return ok
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
	if p.pos >= len(p.src) {
		return nil, false
	}
	switch c := p.src[p.pos]; {
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
	case c == 't' || c == 'f':
		return p.boolValue()
	case c >= '0' && c <= '9' && p.isDate():
		return p.dateValue()
	case c >= '0' && c <= '9' || c == '-':
		return p.intValue()
	}
	return nil, false
}

// stringValue reads a one-line basic or literal string.
func (p *fastParser) stringValue() (string, bool) {
	if p.pos >= len(p.src) {
		return "", false
	}
	q := p.src[p.pos]
	if q != '"' && q != '\'' {
		return "", false
	}
	if p.pos+2 < len(p.src) && p.src[p.pos+1] == q && p.src[p.pos+2] == q {
		return "", false // multi-line
	}
	start := p.pos + 1
	var buf []byte // the string so far, once it has had an escape
	last := start  // src[last:i] is not in buf yet
	for i := start; i < len(p.src); i++ {
		c := p.src[i]
		switch {
		case c == q:
			p.pos = i + 1
			if buf == nil {
				return p.str[start:i], true
			}
			return string(append(buf, p.src[last:i]...)), true
		case c == '\\' && q == '"':
			if i+1 >= len(p.src) {
				return "", false
			}
			var r byte
			switch p.src[i+1] {
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
			buf = append(append(buf, p.src[last:i]...), r)
			i++
			last = i + 1
		case isControlByte(c): // newlines included: the string is not closed on its line
			return "", false
		}
	}
	return "", false
}

// intValue reads a decimal integer of at most 18 digits, which int64 holds.
func (p *fastParser) intValue() (int64, bool) {
	start := p.pos
	if p.accept('-') && p.pos < len(p.src) && p.src[p.pos] == '0' {
		return 0, false // -0 is valid TOML, but not worth its own rules
	}
	digits := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	n := p.pos - digits
	if n == 0 || n > 18 || n > 1 && p.src[digits] == '0' || !p.valueEnds() {
		return 0, false
	}
	v, err := strconv.ParseInt(p.str[start:p.pos], 10, 64)
	return v, err == nil
}

func (p *fastParser) boolValue() (bool, bool) {
	for _, w := range [...]string{"true", "false"} {
		if len(p.src)-p.pos >= len(w) && p.str[p.pos:p.pos+len(w)] == w {
			p.pos += len(w)
			return w == "true", p.valueEnds()
		}
	}
	return false, false
}

// isDate reports whether a local date, 2026-07-01 and nothing more, starts
// at pos.
func (p *fastParser) isDate() bool {
	if len(p.src)-p.pos < 10 {
		return false
	}
	for i, c := range p.src[p.pos : p.pos+10] {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	end := p.pos + 10
	return end == len(p.src) || isValueEnd(p.src[end])
}

// dateValue reads a local date as the decoder does: the same layout in the
// same location, so that an UnmarshalTOML method sees the same time.Time.
func (p *fastParser) dateValue() (any, bool) {
	t, err := time.ParseInLocation("2006-01-02", p.str[p.pos:p.pos+10], localDate())
	if err != nil {
		return nil, false
	}
	p.pos += 10
	return t, true
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
	if !p.accept('[') {
		return nil, false
	}
	out := make([]string, 0, 4)
	for {
		if !p.skipArrayBlank() {
			return nil, false
		}
		if p.accept(']') {
			return out, true
		}
		s, ok := p.stringValue()
		if !ok || !p.skipArrayBlank() {
			return nil, false
		}
		out = append(out, s)
		if p.accept(']') {
			return out, true
		}
		if !p.accept(',') {
			return nil, false
		}
	}
}

// skipArrayBlank skips what may come between the values of an array:
// blanks, newlines and comments.
func (p *fastParser) skipArrayBlank() bool {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n':
			p.pos++
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
	p.skipBlank()
	if p.pos < len(p.src) && p.src[p.pos] == '#' && !p.comment() {
		return false
	}
	switch {
	case p.pos >= len(p.src):
		return true
	case p.src[p.pos] == '\n':
		p.pos++
		return true
	case p.src[p.pos] == '\r':
		return p.newline()
	}
	return false
}

// comment skips a comment up to its newline. Control characters other
// than tab are not allowed in one.
func (p *fastParser) comment() bool {
	for p.pos++; p.pos < len(p.src); p.pos++ {
		switch c := p.src[p.pos]; {
		case c == '\n' || c == '\r':
			return true
		case isControlByte(c):
			return false
		}
	}
	return true
}

// newline reads "\r\n"; a carriage return alone is an error.
func (p *fastParser) newline() bool {
	if p.pos+1 < len(p.src) && p.src[p.pos] == '\r' && p.src[p.pos+1] == '\n' {
		p.pos += 2
		return true
	}
	return false
}

func (p *fastParser) skipBlank() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *fastParser) accept(c byte) bool {
	if p.pos < len(p.src) && p.src[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

func (p *fastParser) bareKey() string {
	start := p.pos
	for p.pos < len(p.src) && isBareKeyByte(p.src[p.pos]) {
		p.pos++
	}
	return p.str[start:p.pos]
}

// valueEnds reports whether a number, date or boolean ends at pos: what
// follows must not continue it (1_000, 1.5, 2026-07-01T10:00, truex).
func (p *fastParser) valueEnds() bool {
	return p.pos == len(p.src) || isValueEnd(p.src[p.pos])
}

func isValueEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#'
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func isControlByte(c byte) bool {
	return c < 0x20 && c != '\t' || c == 0x7f
}
