package generator_test

import (
	"context"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator"
)

// payload is what an attacker writes into field n: a script element, an
// attribute breakout with an event handler, a javascript: link and a
// template action. Each field gets its own n, so a leak names its field.
func payload(n int) string {
	return fmt.Sprintf(`X%d<script>alert(%d)</script>"'><img src=x onerror=alert(%d)><a href="javascript:alert(%d)">j</a>{{.}}`, n, n, n, n)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// hostileHandbook writes a handbook that passes `accord check` but carries
// a payload in every name, label and text that reaches a page, and the
// Markdown tricks that must be neutralised rather than refused. It returns
// the handbook folder and the payload numbers used.
func hostileHandbook(t *testing.T) (string, []int) {
	t.Helper()
	n := 0
	var used []int
	p := func() string {
		n++
		used = append(used, n)
		return tomlString(payload(n))
	}
	files := map[string]string{
		"handbook.toml":     fmt.Sprintf("title = %s\nlanguage = \"en\"\nversion = \"1.0\"\neffective_date = 2026-01-01\ndescription = %s\n\n[labels]\nroles = %s\nhome = %s\nsearchHint = %s\n", p(), p(), p(), p(), p()),
		"teams.toml":        fmt.Sprintf("[[team]]\nid = \"ops\"\nname = %s\nkind = \"internal\"\ndescription = %s\n\n[[team]]\nid = \"ext\"\nname = %s\nkind = \"external\"\n", p(), p(), p()),
		"roles/lead.toml":   fmt.Sprintf("name = %s\nteam = \"ops\"\nsummary = %s\nduties = [%s]\ngoals = [%s]\nonboarding = [\"policies/rules\", \"pages/index\"]\n\n[[kpi]]\nname = %s\ntarget = %s\nweight = 100\n", p(), p(), p(), p(), p(), p()),
		"roles/agent.toml":  fmt.Sprintf("name = %s\nteam = \"ops\"\nreports_to = \"lead\"\nsummary = %s\n", p(), p()),
		"roles/client.toml": fmt.Sprintf("name = %s\nteam = \"ext\"\n", p()),
		"roles/agent.md":    "Body of the agent role: <script>alert(900)</script> <img src=x onerror=alert(901)>\n",
		"workflows/handle.toml": fmt.Sprintf("name = %s\nowner = \"lead\"\ntrigger = %s\nsummary = %s\n\n"+
			"[[step]]\nid = \"take\"\nname = %s\nresponsible = [\"agent\"]\naccountable = \"lead\"\nconsulted = [\"client\"]\ninformed = [\"lead\"]\nnext = [\"take\", \"close\"]\noutputs = [%s]\nduration = \"2h\"\n\n"+
			"[[step]]\nid = \"close\"\nname = %s\nresponsible = [\"lead\"]\naccountable = \"lead\"\n", p(), p(), p(), p(), p(), p()),
		"policies/rules.md":  fmt.Sprintf("+++\ntitle = %s\nowner = \"lead\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\neffective_date = 2026-01-01\nsummary = %s\n+++\n\n", p(), p()) + hostileMarkdown,
		"pages/index.md":     fmt.Sprintf("+++\ntitle = %s\nsummary = %s\n+++\n\nWelcome. See [the rules](../policies/rules.md) and ![logo](../assets/logo.png).\n", p(), p()),
		"pages/more/deep.md": fmt.Sprintf("+++\ntitle = %s\n+++\n\nThe term TERMWORD and the alias ALIASWORD are used here.\n", p()),
		"glossary.toml":      fmt.Sprintf("[[term]]\nterm = %s\ndefinition = %s\naliases = [%s]\n\n[[term]]\nterm = \"TERMWORD\"\ndefinition = %s\naliases = [\"ALIASWORD\"]\n", p(), p(), p(), p()),
		"assets/logo.png":    "\x89PNG\r\n\x1a\n",
	}
	dir := filepath.Join(t.TempDir(), "hostile")
	for name, text := range files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, used
}

// hostileMarkdown is a policy body full of what raw_html = false must drop
// or defuse: raw HTML blocks and inline tags, autolinks to javascript:,
// link titles and image alts that try to close their attribute, heading
// attributes with event handlers and styles, and a dot graph with script,
// handlers and javascript: links in it.
const hostileMarkdown = `# Rules {onclick="alert(910)" style="position:fixed;top:0" data-x="y"}

<script>alert(911)</script>

<div onmouseover="alert(912)">raw block</div>

Inline <img src=x onerror=alert(913)> and <a href="javascript:alert(914)">raw link</a>.

Autolinks: <javascript:alert(915)> <JAVASCRIPT:alert(916)> <vbscript:msgbox(917)> <data:text/html,alert(918)>.

[A link](../pages/index.md "title\" onmouseover=\"alert(919)") and ![alt" onerror="alert(920)](../assets/logo.png).

## Second {#q .x onfocus=alert(921)}

The term TERMWORD links to the glossary.

` + "```dot" + `
digraph { a [label="<script>alert(930)</script>", URL="#x&quot;onclick=alert(931)", tooltip="\" onmouseover=\"alert(933)"]; b [label=<<b>bold</b>>]; a -> b }
` + "```" + `

<style>body{display:none}</style>
<iframe src="javascript:alert(922)"></iframe>
`

var (
	tagRE       = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	attrRE      = regexp.MustCompile(`\s([^\s=/>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	ownScriptRE = regexp.MustCompile(`^<script src="(\.\./)*_accord/[a-z-]+\.js"( defer)?>$`)
)

// TestBuild_hostileHandbook builds a handbook written by an attacker and
// scans every file of the site: the only scripts are accord's own, no tag
// has an event handler or a style, no href or src holds a dangerous URL,
// and every payload appears only escaped.
func TestBuild_hostileHandbook(t *testing.T) {
	dir, used := hostileHandbook(t)
	out := filepath.Join(t.TempDir(), "public")
	if keep := os.Getenv("ACCORD_HOSTILE_OUT"); keep != "" {
		out = keep // to look at the site: ACCORD_HOSTILE_OUT=/tmp/hostile go test -run Hostile
	}
	res, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out})
	if err != nil {
		if res != nil && res.Checked != nil {
			for _, d := range res.Checked.Diags.Items {
				t.Log(d)
			}
		}
		t.Fatalf("build: %v", err)
	}
	seen := map[int]bool{}
	files := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		files++
		scanOutput(t, filepath.ToSlash(rel), string(b), used, seen)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range used {
		if !seen[n] {
			t.Errorf("payload %d (%s) appears nowhere in the site: the test does not exercise its field", n, payload(n)[:3])
		}
	}
	t.Logf("%d files scanned, %d payloads", files, len(used))
}

func scanOutput(t *testing.T, name, text string, used []int, seen map[int]bool) {
	t.Helper()
	lower := strings.ToLower(text)
	switch ext := path.Ext(name); ext {
	case ".html", ".svg":
		for _, tag := range tagRE.FindAllString(text, -1) {
			checkTag(t, name, tag)
		}
		// Inline SVG of graphs may carry style="max-width…" on its root,
		// written by accord; no other style attribute may come from content.
		for _, n := range used {
			p := payload(n)
			for _, raw := range []string{p, fmt.Sprintf("<script>alert(%d)", n), fmt.Sprintf("<img src=x onerror=alert(%d)", n), `"'><img`} {
				if strings.Contains(text, raw) {
					t.Errorf("%s: payload %d unescaped: %q", name, n, raw)
				}
			}
			if strings.Contains(text, fmt.Sprintf("alert(%d)", n)) {
				seen[n] = true
			}
		}
		for n := 900; n < 940; n++ {
			if strings.Contains(text, fmt.Sprintf("alert(%d)", n)) && (strings.Contains(lower, fmt.Sprintf("<script>alert(%d)", n)) ||
				strings.Contains(lower, fmt.Sprintf("onerror=alert(%d)", n)) && !strings.Contains(text, fmt.Sprintf("&lt;img src=x onerror=alert(%d)", n))) {
				t.Errorf("%s: Markdown payload %d reached the page as markup", name, n)
			}
		}
		for _, bad := range []string{"<iframe", "<style", "<object", "<embed", "<foreignobject"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s: contains %s", name, bad)
			}
		}
	case ".js", ".json":
		if strings.HasPrefix(name, "_accord/") && name != "_accord/search-index.js" {
			return // the theme's own scripts, not content
		}
		// Data, not markup: JSON escapes < and >, so no payload can close
		// a script element or open one, wherever the file is embedded.
		for _, bad := range []string{"<script", "</script", "<img", "<!--"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s: contains %s", name, bad)
			}
		}
		for _, n := range used {
			if strings.Contains(text, fmt.Sprintf("alert(%d)", n)) {
				seen[n] = true
			}
		}
	}
}

// checkTag fails on a tag that runs script: a script element that is not
// accord's own, an event handler, a style attribute from content, or an
// href, src, action or formaction whose URL has a dangerous scheme.
func checkTag(t *testing.T, name, tag string) {
	t.Helper()
	lowerTag := strings.ToLower(tag)
	if strings.HasPrefix(lowerTag, "<script") && !ownScriptRE.MatchString(tag) {
		t.Errorf("%s: foreign script tag %s", name, tag)
	}
	for _, m := range attrRE.FindAllStringSubmatch(tag, -1) {
		attr := strings.ToLower(m[1])
		val := html.UnescapeString(strings.Trim(m[2], `"'`))
		switch {
		case strings.HasPrefix(attr, "on"):
			t.Errorf("%s: event handler in %s", name, tag)
		case attr == "style" && !strings.HasPrefix(lowerTag, "<svg"):
			t.Errorf("%s: style attribute in %s", name, tag)
		case attr == "href" || attr == "src" || attr == "xlink:href" || attr == "action" || attr == "formaction":
			clean := strings.ToLower(strings.Map(func(r rune) rune {
				if r <= ' ' {
					return -1
				}
				return r
			}, val))
			for _, scheme := range []string{"javascript:", "vbscript:", "data:", "file:"} {
				// "data:," is empty: 404.html's icon, which keeps
				// a browser from asking for /favicon.ico.
				if strings.HasPrefix(clean, scheme) && clean != "data:," {
					t.Errorf("%s: %s URL in %s", name, scheme, tag)
				}
			}
		}
	}
}
