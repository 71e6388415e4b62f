package source

import "strings"

// mdLine escapes what Markdown reads as markup in a table cell or a
// heading; `<` becomes an entity, so that no text becomes HTML.
var mdLine = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", "#", `\#`)

// MarkdownLine returns s for one line of a Markdown report (a heading or
// a table cell) that may also be printed to a terminal: escaped for both.
func MarkdownLine(s string) string { return mdLine.Replace(EscapeLine(s)) }
