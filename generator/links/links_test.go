package links

import (
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

func TestResolve(t *testing.T) {
	h := &model.Handbook{
		Roles:    []*model.Role{{ID: "sales-rep"}},
		Policies: []*model.Policy{{ID: "risk"}},
		Pages:    []*model.Page{{Path: "faq"}, {Path: "runbooks/lc"}},
		Assets:   []string{"assets/logo.svg", "assets/?q 100%.gif"},
	}
	h.Index()
	tab := NewTable(h)
	tests := []struct {
		from, dest string
		image      bool
		want, err  string
	}{
		{"roles/sales-rep.md", "../policies/risk.md#汇率", false, "policies/risk.html#汇率", ""},
		{"pages/runbooks/lc.md", "../faq.md", false, "pages/faq.html", ""},
		{"pages/faq.md", "runbooks/lc.md", false, "pages/runbooks/lc.html", ""},
		{"pages/faq.md", "../roles/sales-rep.toml", false, "roles/sales-rep.html", ""},
		{"pages/faq.md", "../assets/logo.svg", true, "assets/logo.svg", ""},
		{"pages/faq.md", "#top", false, "#top", ""},
		{"pages/faq.md", "../assets/%3Fq%20100%25.gif", true, "assets/%3Fq%20100%25.gif", ""},
		{"pages/faq.md", "../assets/logo.svg#x", false, "assets/logo.svg#x", ""},
		{"pages/faq.md", "tel:+8610123", false, "", ""},
		{"pages/faq.md", "view-source:javascript:alert(1)", false, "", "view-source: links are not allowed: a link is a relative source path, or an http, https, mailto or tel address"},
		{"pages/faq.md", "../policies/risk.md", true, "", `image "../policies/risk.md" is policies/risk.md, not an image: images come from assets/`},
		{"pages/faq.md", "https://example.com", false, "", ""},
		{"pages/faq.md", "https://example.com/x.png", true, "", `image "https://example.com/x.png" is outside the handbook: readers on the intranet may not reach it; copy it to assets/ and link it relatively`},
		{"pages/faq.md", "javascript:alert(1)", false, "", "javascript: links are not allowed: a link is a relative source path, or an http, https, mailto or tel address"},
		{"pages/faq.md", "../policies/risc.md", false, "", `link "../policies/risc.md" leads nowhere: policies/risc.md does not exist (did you mean ../policies/risk.md?)`},
		{"pages/faq.md", "../../../etc/passwd", false, "", `link "../../../etc/passwd" points outside the handbook`},
		{"pages/faq.md", "/etc/passwd", false, "", `link "/etc/passwd" is not a relative source path: write it relative to this file, like ../policies/risk-management.md`},
	}
	for _, tt := range tests {
		got, err := tab.Resolve(tt.from, tt.dest, tt.image)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Resolve(%q, %q) error = %v, want %q", tt.from, tt.dest, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Resolve(%q, %q): %v", tt.from, tt.dest, err)
			continue
		}
		if got.Site != tt.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", tt.from, tt.dest, got.Site, tt.want)
		}
	}
}

// TestResolve_fragment: what the checks of a #fragment learn of a target.
func TestResolve_fragment(t *testing.T) {
	h := &model.Handbook{Policies: []*model.Policy{{ID: "risk"}}, Assets: []string{"assets/a.pdf"}}
	h.Index()
	tab := NewTable(h)
	tests := []struct {
		dest, page, frag string
		asset            bool
	}{
		{"../policies/risk.md#汇率", "policies/risk.html", "汇率", false},
		{"../policies/risk.md", "policies/risk.html", "", false},
		{"../policies/risk.md#", "policies/risk.html", "", false},
		{"#top", "", "top", false},
		{"../assets/a.pdf#page=3", "assets/a.pdf", "page=3", true},
	}
	for _, tt := range tests {
		got, err := tab.Resolve("pages/faq.md", tt.dest, false)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.dest, err)
			continue
		}
		if got.Page() != tt.page || got.Fragment != tt.frag || got.Asset != tt.asset {
			t.Errorf("Resolve(%q): page %q, fragment %q, asset %v; want %q, %q, %v", tt.dest, got.Page(), got.Fragment, got.Asset, tt.page, tt.frag, tt.asset)
		}
	}
	if got := tab.Page("policies/risk.md"); got != "policies/risk.html" {
		t.Errorf("Page(policies/risk.md) = %q", got)
	}
}
