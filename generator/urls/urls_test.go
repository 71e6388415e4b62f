package urls

import "testing"

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "roles/a.html", "roles/a.html"},
		{"roles/a.html", "roles/b.html", "b.html"},
		{"roles/a.html", "index.html", "../index.html"},
		{"pages/runbooks/x.html", "policies/p.html#h", "../../policies/p.html#h"},
		{"pages/runbooks/x.html", "pages/faq.html", "../faq.html"},
		{"roles/a.html", "roles/a.html#k", "#k"},
		{"pages/a/b/c.html", "pages/a/d.html", "../d.html"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.to); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestSource(t *testing.T) {
	for key, want := range map[string]string{
		"policies/risk": "policies/risk.html", "pages/runbooks/lc": "pages/runbooks/lc.html",
		"pages/index": "pages/index.html", "roles/x": "roles/x.html",
	} {
		if got, ok := Source(key); !ok || got != want {
			t.Errorf("Source(%q) = %q, %v", key, got, ok)
		}
	}
	if _, ok := Source("teams/x"); ok {
		t.Error("teams/x should not resolve")
	}
}

// TestIDs: the ids docs/format.md promises for steps, teams and terms.
func TestIDs(t *testing.T) {
	for got, want := range map[string]string{
		StepID("quote"):            "step-quote",
		Step("order", "quote"):     "workflows/order.html#step-quote",
		TeamID("foreign-trade"):    "team-foreign-trade",
		TermID("FOB"):              "term-FOB",
		TermID("L/C"):              "term-L-C",
		TermID("信用证"):              "term-信用证",
		TermID("Bill of Lading"):   "term-Bill-of-Lading",
		TermID(`"T/T" #1? 100%'s`): "term--T-T---1--100--s",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
