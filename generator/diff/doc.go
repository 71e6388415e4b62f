// Package diff compares two versions of a handbook and says what changed, in
// the handbook's own terms rather than as lines of text.
//
// Compare takes two model.Handbooks (the old and the new version, loaded
// loaded and checked by the caller, from folders or git refs) and returns a ChangeSet: the
// handbook's metadata; teams; roles field by field (duties, goals and
// onboarding as lists of added and removed items, KPIs by name, the long
// description paragraph by paragraph); workflows and their steps (added,
// removed, renamed, reordered, next edges, outputs, duration); every RACI
// cell that changed, and derived from them the responsibilities each role
// gained or lost; policies (metadata and text); pages; glossary terms; and
// assets.
//
// Because it compares models, TOML comments, whitespace and key order are
// never changes. Markdown text is split into paragraphs at blank lines and
// compared after whitespace is normalised; changed paragraphs carry an
// inline diff that marks words in latin text and single characters in
// Chinese, Japanese and Korean text, which has no spaces between words.
//
// Everything in a ChangeSet is in a fixed order (entities by id, steps in
// workflow order), so the same two versions always give the same output.
// Text, Markdown, JSON and HTML write a ChangeSet; docs/diff-schema.md
// documents the JSON, which is also the shape the site's "what changed"
// page reads.
package diff
