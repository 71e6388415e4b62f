package load

import (
	"reflect"
	"sync"

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
