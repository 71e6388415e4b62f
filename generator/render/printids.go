package render

import (
	"bytes"
	"html/template"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// A print page puts the content of several pages one after another, and
// each brings its own ids: every role section has id="duties", every
// workflow id="steps", footnotes are fn:1 in every page, and headings of
// different pages share text. Ids must be unique on a page (a link to a
// repeated one lands on the first), so each section's ids are scoped by
// its source key: "duties" in roles/buyer becomes "roles/buyer:duties".
// No key has a ':' (keys are ids and folders), so two scoped ids never meet,
// and none of the page's own ids has a '/'.
//
// The section is rewritten with an HTML tokenizer, not in the templates:
// ids come from the templates a handbook may replace, from Markdown, and
// from raw HTML a handbook may allow, and all of them must be scoped. Tags
// without an id or a reference to one are copied byte for byte.

// idRefs are the attributes that hold ids of the same page, beside href's
// fragment: a label's for, and ARIA's references (space-separated lists).
var idRefs = map[string]bool{
	"for": true, "form": true, "list": true, "headers": true, "popovertarget": true,
	"aria-activedescendant": true, "aria-controls": true, "aria-describedby": true,
	"aria-details": true, "aria-errormessage": true, "aria-flowto": true,
	"aria-labelledby": true, "aria-owns": true,
}

// scopeIDs returns section with every id given prefix, and every in-page
// link and reference to one of them following it. References to ids the
// section does not have are left alone: they mean the page's own.
func scopeIDs(section template.HTML, prefix string) template.HTML {
	ids := sectionIDs(string(section))
	if len(ids) == 0 {
		return section
	}
	var out bytes.Buffer
	out.Grow(len(section) + len(ids)*len(prefix)*2)
	z := html.NewTokenizer(strings.NewReader(string(section)))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(z.Raw())
			continue
		}
		raw := bytes.Clone(z.Raw())
		tok := z.Token()
		if !scopeAttrs(tok.Attr, ids, prefix) {
			out.Write(raw)
			continue
		}
		writeTag(&out, tok)
	}
	return template.HTML(out.String())
}

// sectionIDs returns the ids that elements of section have.
func sectionIDs(section string) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(strings.NewReader(section))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				k, v, more := z.TagAttr()
				if string(k) == "id" && len(v) > 0 {
					ids[string(v)] = true
				}
				if !more {
					break
				}
			}
		}
	}
}

// scopeAttrs rewrites the ids in attrs and reports whether any changed.
func scopeAttrs(attrs []html.Attribute, ids map[string]bool, prefix string) bool {
	changed := false
	for i := range attrs {
		a := &attrs[i]
		if a.Namespace != "" {
			continue
		}
		switch {
		case a.Key == "id":
			if ids[a.Val] {
				a.Val = prefix + a.Val
				changed = true
			}
		case a.Key == "href" || a.Key == "xlink:href":
			frag, ok := strings.CutPrefix(a.Val, "#")
			if !ok {
				continue
			}
			id, err := url.PathUnescape(frag)
			if err != nil {
				id = frag
			}
			if ids[id] {
				a.Val = "#" + prefix + frag
				changed = true
			}
		case idRefs[a.Key]:
			words := strings.Fields(a.Val)
			hit := false
			for j, w := range words {
				if ids[w] {
					words[j] = prefix + w
					hit = true
				}
			}
			if hit {
				a.Val = strings.Join(words, " ")
				changed = true
			}
		}
	}
	return changed
}

// writeTag writes a start tag whose attributes changed. The tokenizer has
// unescaped the values; they are escaped again, quoted.
func writeTag(b *bytes.Buffer, tok html.Token) {
	b.WriteByte('<')
	b.WriteString(tok.Data)
	for _, a := range tok.Attr {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	if tok.Type == html.SelfClosingTagToken {
		b.WriteString(" /")
	}
	b.WriteByte('>')
}
