package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// attrFilter keeps only id and class of the attributes an author writes
// after a heading ({#id .class}). goldmark drops event handlers itself, but
// lets style, data-*, aria-*, hidden and the like through, and with them an
// author could lay a heading over the whole page (style="position:fixed"),
// hide text from some readers only, or feed the theme's scripts data. Raw
// HTML can do all of that, so a handbook with raw_html = true keeps them.
type attrFilter struct{}

func (attrFilter) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, heading := n.(*ast.Heading); !entering || !heading || n.Attributes() == nil {
			return ast.WalkContinue, nil
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
		return ast.WalkContinue, nil
	})
}
