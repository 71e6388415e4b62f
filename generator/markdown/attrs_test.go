package markdown

import (
	"strings"
	"testing"
)

// TestRender_headingAttributes: of {…} after a heading only id and class
// reach the page, unless the handbook opted into raw HTML.
func TestRender_headingAttributes(t *testing.T) {
	src := []byte("# A {#top .wide style=\"position:fixed;top:0\" data-x=\"y\" title=\"t\" aria-hidden=\"true\" onclick=\"alert(1)\"}\n\n| a |\n|---|\n| b |\n")
	safe, err := New(Options{}).Render(src, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := string(safe.HTML)
	if !strings.Contains(got, `<h1 id="top" class="wide">A</h1>`) {
		t.Errorf("id and class lost:\n%s", got)
	}
	for _, bad := range []string{"style", "data-x", "title=", "aria-hidden", "onclick"} {
		if strings.Contains(got, bad) {
			t.Errorf("%s reached the page:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, `scope="col"`) {
		t.Errorf("accord's own attributes were dropped too:\n%s", got)
	}
	raw, err := New(Options{RawHTML: true}).Render(src, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw.HTML), `style="position:fixed;top:0"`) {
		t.Errorf("raw_html = true should keep the attributes:\n%s", raw.HTML)
	}
}
