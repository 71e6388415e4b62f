package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"title", "title", 0}, {"titel", "title", 1}, {"titel", "site", 2}, {"", "abc", 3},
		{"sales-manger", "sales-manager", 1}, {"ab", "ba", 1}, {"外贸经理", "外贸理经", 1}, {"kitten", "sitting", 3},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := Closest("titel", []string{"site", "title"}); got != "title" {
		t.Errorf("Closest = %q", got)
	}
}
