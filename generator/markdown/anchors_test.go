package markdown

import (
	"html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestScan_anchors: the ids a link's #fragment can name, as Scan reports
// them, for the cases docs/format.md describes.
func TestScan_anchors(t *testing.T) {
	tests := []struct {
		name    string
		rawHTML bool
		src     string
		want    []string
	}{
		{"chinese", false, "## 汇率风险\n\n## 1. 报价 Quotation\n", []string{"汇率风险", "1-报价-quotation"}},
		{"markup_and_punctuation", false, "## The *L/C* `check`: step 2!\n", []string{"the-l-c-check-step-2"}},
		{"docs_format_table", false, "## 汇率风险\n\n## 1. 报价 Quotation\n\n## The *L/C* check\n\n## FAQ\n\n## FAQ\n\n## Duties\n\n## 升级 Escalation {#escalate}\n",
			[]string{"汇率风险", "1-报价-quotation", "the-l-c-check", "faq", "faq-1", "duties-1", "escalate"}},
		{"duplicates", false, "## FAQ\n\n## FAQ\n\n## FAQ\n", []string{"faq", "faq-1", "faq-2"}},
		{"reserved_renamed", false, "## Duties\n\n## Main\n", []string{"duties-1", "main-1"}},
		{"explicit_first", false, "## Alpha\n\n## Beta {#alpha}\n", []string{"alpha-1", "alpha"}},
		{"no_text", false, "## ???\n", []string{"section"}},
		{"setext_chinese_lines", false, "汇率\n风险\n---\n", []string{"汇率风险"}},
		{"footnotes", false, "a[^n] b[^n] c[^m]\n\n[^n]: one\n[^m]: two\n[^unused]: three\n", []string{"fnref:1", "fnref1:1", "fnref:2", "fn:1", "fn:2"}},
		{"raw_html_dropped", false, "<a id=\"x\"></a>\n\nText <span id='y'>z</span>\n", nil},
		{"raw_html_kept", true, "<div id=\"x\" name=top>\n</div>\n\nText <span data-id=\"no\" id='y&amp;z'>z</span>\n", []string{"x", "top", "y&z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(Options{RawHTML: tt.rawHTML}).Scan([]byte(tt.src)).Anchors
			if !reflect.DeepEqual(got, tt.want) && (len(got) > 0 || len(tt.want) > 0) {
				t.Errorf("Anchors = %q, want %q", got, tt.want)
			}
		})
	}
}

var idAttr = regexp.MustCompile(` id="([^"]*)"`)

// TestAnchors_areThePageIDs: Scan's anchors are exactly the ids of the
// rendered HTML, and a render asked for them reports the same; on every
// golden input and on inputs made to meet the corners.
func TestAnchors_areThePageIDs(t *testing.T) {
	type input struct {
		name    string
		src     []byte
		rawHTML bool
	}
	var inputs []input
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raw := slices.Contains(regexp.MustCompile(`\S+`).FindAllString(string(ar.Comment), -1), "rawhtml")
		inputs = append(inputs, input{f, archiveFile(ar, "input.md"), raw})
	}
	bench, err := os.ReadFile(filepath.Join("testdata", "bench.md"))
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs,
		input{"bench.md", bench, false},
		input{"footnotes", []byte("a[^1] b[^1] c[^1] d[^x]\n\n[^x]: x <a id=\"in-note\">n</a>\n[^1]: one\n"), true},
		input{"headings", []byte("# A\n\n## A {#b}\n\n## B\n\n### b\n\n中文\n**强调**\n===\n\n## Q\n\n## Q results\n"), false},
	)
	for _, in := range inputs {
		r := New(Options{RawHTML: in.rawHTML})
		scanned := r.Scan(in.src).Anchors
		res, err := r.RenderPage(in.src, Page{Refs: true})
		if err != nil {
			t.Fatal(err)
		}
		var page []string
		for _, m := range idAttr.FindAllStringSubmatch(res.HTML, -1) {
			page = append(page, html.UnescapeString(m[1]))
		}
		if !reflect.DeepEqual(res.Anchors, scanned) {
			t.Errorf("%s: a render's anchors %q, Scan's %q", in.name, res.Anchors, scanned)
		}
		slices.Sort(page)
		scanned = slices.Sorted(slices.Values(scanned))
		if !slices.Equal(page, scanned) {
			t.Errorf("%s: page ids %q, Scan's anchors %q", in.name, page, scanned)
		}
	}
}
