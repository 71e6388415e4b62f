package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

var (
	kindTableWrap = ast.NewNodeKind("TableWrap")
	kindRawBlock  = ast.NewNodeKind("AccordRawBlock")
	kindTaskLabel = ast.NewNodeKind("TaskLabel")
)

// tableWrap is a block whose only child is a table; it renders as
// <div class="table-wrap"> so the theme can make wide tables scroll.
// focusable makes the box a tab stop: a keyboard scrolls a box only by
// focusing something in it, and a table without links has nothing.
type tableWrap struct {
	ast.BaseBlock
	focusable bool
}

func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }

func (n *tableWrap) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// rawBlock is trusted HTML produced by accord itself (a dot graph's SVG),
// written out verbatim whatever Options.RawHTML says.
type rawBlock struct {
	ast.BaseBlock
	html []byte
}

func (n *rawBlock) Kind() ast.NodeKind { return kindRawBlock }

func (n *rawBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// taskLabel holds a task list item's checkbox and the text after it, and
// renders as <label>: the text names the checkbox, which otherwise has no
// name for a screen reader to say (axe: label).
type taskLabel struct {
	ast.BaseInline
}

func (n *taskLabel) Kind() ast.NodeKind { return kindTaskLabel }

func (n *taskLabel) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// nodeRenderer renders accord's own node kinds; goldmark's HTML renderer
// handles everything else.
type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableWrap, renderTableWrap)
	reg.Register(kindRawBlock, renderRawBlock)
	reg.Register(kindTaskLabel, renderTaskLabel)
}

func renderTaskLabel(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<label>")
	} else {
		_, _ = w.WriteString("</label>")
	}
	return ast.WalkContinue, nil
}

func renderTableWrap(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && n.(*tableWrap).focusable {
		_, _ = w.WriteString("<div class=\"table-wrap\" tabindex=\"0\">\n")
	} else if entering {
		_, _ = w.WriteString("<div class=\"table-wrap\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func renderRawBlock(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	html := n.(*rawBlock).html
	_, _ = w.Write(html)
	if len(html) > 0 && html[len(html)-1] != '\n' {
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}
