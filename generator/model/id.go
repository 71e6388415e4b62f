package model

import (
	"regexp"
	"strings"
)

// idPattern is the form of every id: the file names of roles, workflows,
// policies, team and step ids.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s is an id: lower-case a-z and 0-9 in words
// joined by single '-'.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// SuggestID turns an arbitrary name into a valid id, for error messages.
func SuggestID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}
