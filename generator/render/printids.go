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
	var pairs [][2][]byte // the tag's attributes, valid until z.Next
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		// Most tags have nothing to scope: each is copied as written, and
		// taken back to be rebuilt only when one of its attributes changes.
		start := out.Len()
		out.Write(z.Raw())
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		pairs = pairs[:0]
		changed := false
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			pairs = append(pairs, [2][]byte{k, v})
			changed = changed || refersTo(k, v, ids)
		}
		if !changed {
			continue // most tags: as they were
		}
		out.Truncate(start)
		attrs := make([]html.Attribute, len(pairs))
		for i, p := range pairs {
			attrs[i] = html.Attribute{Key: string(p[0]), Val: string(p[1])}
			scopeAttr(&attrs[i], ids, prefix)
		}
		writeTag(&out, string(name), attrs, tt == html.SelfClosingTagToken)
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
			for _, more := z.TagName(); more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if string(k) == "id" && len(v) > 0 {
					ids[string(v)] = true
				}
			}
		}
	}
}

// refersTo reports whether the attribute k=v is an id of ids or refers to
// one: whether scopeAttr would change it.
func refersTo(k, v []byte, ids map[string]bool) bool {
	switch {
	case string(k) == "id":
		return ids[string(v)]
	case string(k) == "href" || string(k) == "xlink:href":
		if len(v) == 0 || v[0] != '#' {
			return false
		}
		if id, err := url.PathUnescape(string(v[1:])); err == nil {
			return ids[id]
		}
		return ids[string(v[1:])]
	case idRefs[string(k)]:
		for _, w := range bytes.Fields(v) {
			if ids[string(w)] {
				return true
			}
		}
	}
	return false
}

// scopeAttr rewrites the ids in a and reports whether it changed.
func scopeAttr(a *html.Attribute, ids map[string]bool, prefix string) bool {
	switch {
	case a.Key == "id":
		if ids[a.Val] {
			a.Val = prefix + a.Val
			return true
		}
	case a.Key == "href" || a.Key == "xlink:href":
		frag, ok := strings.CutPrefix(a.Val, "#")
		if !ok {
			return false
		}
		id, err := url.PathUnescape(frag)
		if err != nil {
			id = frag
		}
		if ids[id] {
			a.Val = "#" + prefix + frag
			return true
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
			return true
		}
	}
	return false
}

// writeTag writes a start tag whose attributes changed. The tokenizer has
// unescaped the values; they are escaped again, quoted.
func writeTag(b *bytes.Buffer, name string, attrs []html.Attribute, selfClosing bool) {
	b.WriteByte('<')
	b.WriteString(name)
	for _, a := range attrs {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	if selfClosing {
		b.WriteString(" /")
	}
	b.WriteByte('>')
}
