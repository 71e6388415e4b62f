// Package suggest finds the nearest known name to a misspelt one, for the
// "did you mean" part of a diagnostic.
package suggest

import "unicode/utf8"

// Closest returns the candidate nearest to s by edit distance (in
// characters), or "" when none is near enough to be a plausible typo.
// Ties go to the first candidate, so callers pass sorted candidates.
func Closest(s string, candidates []string) string {
	best, bestD := "", -1
	limit := max(2, utf8.RuneCountInString(s)/3)
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := Distance(s, c)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the edit distance between a and b, counted in runes: the
// Levenshtein distance with a swap of two neighbours counting as one edit
// (optimal string alignment), since "titel" for "title" is one slip.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
