// Package markdown is accord's one configured Markdown processor.
//
// In: the Markdown body of a source file (a policy, a page, a role's long
// description), already padded by the caller so that line numbers count from the
// top of the file, plus two optional callbacks: a [Resolver] that maps link and
// image destinations as written ("../policies/risk.md#汇率风险") to the hrefs of
// the generated site, and a function that turns ```dot fenced blocks into SVG.
//
// Out: from [Renderer.Render], the HTML of the body, its headings (level, plain
// text, id) for tables of contents and search, and its ```dot blocks; from
// [Renderer.Scan], every link and image destination and every explicit heading
// id with its line and column (columns count characters, not bytes) so that
// `accord check` can say where a broken reference is written, and the ids the
// page will have (headings, footnotes), for the links that name one. Scan
// goes through the same parse and transformer as Render.
//
// The dialect is CommonMark plus GitHub's extensions (tables, strikethrough,
// autolinks, task lists), footnotes, definition lists, heading attributes
// ({#id .class}) and soft line breaks that vanish between Chinese characters.
// Heading ids keep Chinese text ("## 汇率风险" gets id="汇率风险") and never
// take one of accord's own ids ([IsReservedID]). Raw HTML is
// dropped unless [Options.RawHTML]; links to javascript:, vbscript:, file: and
// data: URLs are emptied in every mode. Everything is done on the goldmark AST
// (transformers and node renderers), never by editing the HTML afterwards.
//
// Input nested more than [MaxNesting] levels deep is refused before parsing
// ([CheckDepth], [DepthError]): goldmark's cost grows with depth times lines.
// So are sources over [MaxSize] and paragraphs with more than
// [MaxInlineMarkers] inline markers ([CheckInline], [InlineError]), where
// its cost grows with the square of the markers; [Guard] runs all three.
package markdown
