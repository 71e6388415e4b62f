package validate

import "testing"

// TestHasID: the element a browser scrolls to for a fragment.
func TestHasID(t *testing.T) {
	ids := []string{"faq", "main", "step-do", "汇率风险"}
	for frag, want := range map[string]bool{
		"faq": true, "FAQ": false, "step-do": true, "汇率风险": true,
		"%E6%B1%87%E7%8E%87%E9%A3%8E%E9%99%A9": true, "%E6%B1%87": false,
		"top": true, "TOP": true, "%74op": true, "topp": false, "%zz": false, "main": true,
	} {
		if got := hasID(ids, frag); got != want {
			t.Errorf("hasID(%q) = %v, want %v", frag, got, want)
		}
	}
}

// TestNearestID: the id a misspelt fragment most likely meant; never one
// of the ids every page has.
func TestNearestID(t *testing.T) {
	ids := []string{"faq", "main", "q", "q-results", "step-restore", "term-FOB", "tone-of-voice", "汇率风险"}
	for frag, want := range map[string]string{
		"FAQ": "faq", "step-restor": "step-restore", "restore": "step-restore", "FOB": "term-FOB",
		"tone": "tone-of-voice", "汇率": "汇率风险", "mian": "", "xyz": "", "nothing-like-it": "",
	} {
		if got := nearestID(frag, ids); got != want {
			t.Errorf("nearestID(%q) = %q, want %q", frag, got, want)
		}
	}
}
