package diff

import (
	"reflect"

	"github.com/accord-handbook/accord/generator/source"
)

// forTerminal returns a copy of c whose every string is escaped for a
// terminal (source.EscapeLine), for the formats that are read there: Text
// and Markdown. Every string of a ChangeSet comes from the handbook, and a
// role named with an escape sequence could otherwise retitle the window,
// erase the lines above, fake or hide a change, or write the clipboard.
// Copying the whole value, field by field, means a field added to the
// ChangeSet later is escaped too, with nothing to remember.
//
// A field tagged `term:"lines"` is prose whose line breaks are its own (a
// paragraph, a long summary): it keeps its line breaks and tabs
// (source.EscapeText). Anywhere else a line break could print a line of
// output the diff did not write, so it is escaped as \n.
//
// JSON and HTML need none of this: their encoders escape for their readers.
func forTerminal(c *ChangeSet) *ChangeSet {
	out := new(ChangeSet)
	escapeCopy(reflect.ValueOf(out).Elem(), reflect.ValueOf(c).Elem(), false)
	return out
}

func escapeCopy(dst, src reflect.Value, lines bool) {
	switch src.Kind() {
	case reflect.String:
		if lines {
			dst.SetString(source.EscapeText(src.String()))
		} else {
			dst.SetString(source.EscapeLine(src.String()))
		}
	case reflect.Struct:
		t := src.Type()
		for i := range t.NumField() {
			escapeCopy(dst.Field(i), src.Field(i), t.Field(i).Tag.Get("term") == "lines")
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		for i := range src.Len() {
			escapeCopy(dst.Index(i), src.Index(i), lines)
		}
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.New(src.Type().Elem()))
		escapeCopy(dst.Elem(), src.Elem(), lines)
	default:
		dst.Set(src)
	}
}
