package diff

import (
	_ "embed"
	"html/template"
	"io"
)

//go:embed page.html.tmpl
var pageTemplate string

// htmlPage is parsed once; each call clones it and binds the language.
var htmlPage = template.Must(template.New("page").Funcs(htmlFuncs("")).Parse(pageTemplate))

func htmlFuncs(lang string) template.FuncMap {
	return template.FuncMap{
		"label": func(key string) string { return Label(lang, key) },
		"field": func(f string) string { return fieldLabel(lang, f) },
		"named": named,
		"value": func(s string) string { return value(lang, s) },
		"long":  longField,
		"inline": func(f FieldChange) []Span {
			return Inline(f.Old, f.New)
		},
		"paraTitle": func(p ParagraphChange) string { return paragraphTitle(lang, p) },
		"paraSpans": paragraphSpans,
		"place":     assignmentPlace,
		"heading":   heading,
		"ent": func(change, name, id string) map[string]string {
			return map[string]string{"Change": change, "Name": name, "ID": id}
		},
		"paras": func(field string, list []ParagraphChange) map[string]any {
			return map[string]any{"Field": field, "List": list}
		},
	}
}

// paragraphSpans is the inline diff of a paragraph change; an added or
// removed paragraph is one span.
func paragraphSpans(p ParagraphChange) []Span {
	switch p.Change {
	case Added:
		return []Span{{Op: Insert, Text: p.New}}
	case Removed:
		return []Span{{Op: Delete, Text: p.Old}}
	}
	return p.Spans
}

// HTML writes the change set as a standalone page: inline CSS, no script,
// nothing fetched from elsewhere, so it can be mailed or opened from disk.
// Deleted text is <del>, inserted text <ins>; html/template escapes all of
// the handbook's text. title is the page's <title>; "" uses the heading.
func HTML(w io.Writer, c *ChangeSet, title string) error {
	t, err := htmlPage.Clone()
	if err != nil {
		return err
	}
	lang := c.New.Language
	if title == "" {
		title = heading(c)
	}
	if lang == "" {
		lang = "en"
	}
	return t.Funcs(htmlFuncs(c.New.Language)).Execute(w, struct {
		C     *ChangeSet
		Title string
		Lang  string
	}{c, title, lang})
}
