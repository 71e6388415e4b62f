package markdown

import "github.com/yuin/goldmark/ast"

// filterAttrs keeps only id and class of the attributes an author writes
// after a heading ({#id .class}). goldmark drops event handlers itself, but
// lets style, data-*, aria-*, hidden and the like through, and with them an
// author could lay a heading over the whole page (style="position:fixed"),
// hide text from some readers only, or feed the theme's scripts data. Raw
// HTML can do all of that, so a handbook with raw_html = true keeps them.
// The transformer calls it on the headings its walk found.
func filterAttrs(n *ast.Heading) {
	if n.Attributes() == nil {
		return
	}
	var keep []ast.Attribute
	for _, a := range n.Attributes() {
		if name := string(a.Name); name == "id" || name == "class" {
			keep = append(keep, a)
		}
	}
	n.RemoveAttributes()
	for _, a := range keep {
		n.SetAttribute(a.Name, a.Value)
	}
}
