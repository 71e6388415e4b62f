package diff

import (
	"encoding/json"
	"io"
)

// JSON writes the change set as indented JSON in the format that
// docs/diff-schema.md documents. Top-level lists are always arrays, [] when empty, so a
// consumer never has to tell null from empty; HTML characters are left
// as they are, for people reading it.
func JSON(w io.Writer, c *ChangeSet) error {
	out := *c
	out.Schema = Schema
	orEmpty(&out.Handbook)
	orEmpty(&out.Teams)
	orEmpty(&out.Roles)
	orEmpty(&out.Workflows)
	orEmpty(&out.RACI)
	orEmpty(&out.Responsibilities)
	orEmpty(&out.Policies)
	orEmpty(&out.Pages)
	orEmpty(&out.Glossary)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

func orEmpty[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}
