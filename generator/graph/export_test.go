package graph

import "github.com/accord-handbook/accord/generator/model"

// Neighbourhood draws one role's neighbourhood in a handbook indexed for it
// alone.
func Neighbourhood(h *model.Handbook, roleID, page string) (string, Alt) {
	return NewNeighbourIndex(h).Neighbourhood(h, roleID, page)
}

// quote is appendQuote into a new string.
func quote(s string, rounds int) string {
	return string(appendQuote(make([]byte, 0, len(s)+2), s, rounds))
}
