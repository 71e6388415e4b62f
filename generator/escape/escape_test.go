package escape

import (
	"html/template"
	"strings"
	"testing"
)

// reference renders s through html/template in the three places the
// package stands in for: text, a whole href, and an href after a prefix.
var reference = template.Must(template.New("r").Parse(`{{.}}|<a href="{{.}}">|<a href="#x-{{.}}">`))

func ours(s string) string {
	var b strings.Builder
	HTML(&b, s)
	b.WriteString(`|<a href="`)
	URL(&b, s, true)
	b.WriteString(`">|<a href="#x-`)
	URL(&b, s, false)
	b.WriteString(`">`)
	return b.String()
}

func same(t *testing.T, s string) {
	t.Helper()
	var want strings.Builder
	if err := reference.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	if got := ours(s); got != want.String() {
		t.Errorf("%q:\n got %s\nwant %s", s, got, want.String())
	}
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, s := range []string{
		"", "plain", "外贸 业务员", `<b>"A&B" + 'c'</b>`, "\x00", "roles/clerk.html",
		"../workflows/x.html#step-a", "javascript:alert(1)", "JavaScript:x", "http://e.com/a b",
		"mailto:a@b", "data:text/html,x", "a%20b%zz%", "a b?c=d&e=f#g", "\u2028", "bad\xffutf8",
		"/abs/path", "x:y/z", "?q=1", "#frag", "~user_.-", "!$*,;=@[]()",
	} {
		same(t, s)
	}
}

func FuzzSameAsHTMLTemplate(f *testing.F) {
	for _, s := range []string{"a&b", "javascript:x", "%41%zz", "../a b.html#c", "<'\"+>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { same(t, s) })
}

func TestXML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`a & b <c> "d" 'e'`, "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"},
		{"bell\x07 esc\x1b nul\x00", "bell\uFFFD esc\uFFFD nul\uFFFD"},
		{"tab\tline\nret\r", "tab\tline\nret\r"},
		{"中文 \uFFFE\U0001F600", "中文 \uFFFD\U0001F600"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		var b strings.Builder
		XML(&b, tc.in)
		if b.String() != tc.want {
			t.Errorf("XML(%q) = %q, want %q", tc.in, b.String(), tc.want)
		}
	}
}
