package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// rect is a box in the SVG's user units, as getBBox measures it.
type rect struct {
	Name       string
	X, Y, W, H float64
}

func (a rect) overlaps(b rect) bool {
	const slack = 0.5 // a shared border is not an overlap
	return a.X+slack < b.X+b.W && b.X+slack < a.X+a.W && a.Y+slack < b.Y+b.H && b.Y+slack < a.Y+a.H
}

func (a rect) contains(b rect) bool {
	return b.X >= a.X && b.Y >= a.Y && b.X+b.W <= a.X+a.W && b.Y+b.H <= a.Y+a.H
}

func (a rect) String() string {
	return fmt.Sprintf("%s (%.0f,%.0f %.0f×%.0f)", a.Name, a.X, a.Y, a.W, a.H)
}

// drawing is what the page measures of a graph: its lines, the outline of
// each team box and role box, each label (a role's lines together), and
// the size in CSS pixels of its text as shown.
type drawing struct {
	Edges           int
	Clusters        []rect
	Nodes, Labels   []rect // Labels[i] is the label of Nodes[i]
	ClusterLabels   []rect
	FontPx, WidthPx float64
}

// measure reads the drawing of the graph in the figure sel with getBBox,
// in the SVG's own units, so that the boxes compare whatever the zoom.
const measure = `((sel) => {
	const svg = document.querySelector(sel + ' svg');
	if (!svg) return null;
	const bbox = (el, name) => { const b = el.getBBox(); return {Name: name, X: b.x, Y: b.y, W: b.width, H: b.height}; };
	const union = (rs, name) => rs.length === 0 ? {Name: name, X: 0, Y: 0, W: 0, H: 0} : rs.reduce((u, r) => {
		const x = Math.min(u.X, r.X), y = Math.min(u.Y, r.Y);
		return {Name: name, X: x, Y: y, W: Math.max(u.X + u.W, r.X + r.W) - x, H: Math.max(u.Y + u.H, r.Y + r.H) - y};
	});
	const title = g => (g.querySelector('title') || g).textContent.trim();
	const texts = g => [...g.querySelectorAll('text')].filter(t => t.textContent.trim() !== '');
	const d = {Edges: svg.querySelectorAll('g.edge').length, Clusters: [], Nodes: [], Labels: [], ClusterLabels: []};
	for (const g of svg.querySelectorAll('g.cluster')) {
		d.Clusters.push(bbox(g.querySelector('path, polygon'), title(g)));
		for (const t of texts(g)) d.ClusterLabels.push(bbox(t, t.textContent.trim()));
	}
	for (const g of svg.querySelectorAll('g.node')) {
		d.Nodes.push(bbox(g.querySelector('path, polygon'), title(g)));
		d.Labels.push(union(texts(g).map(t => bbox(t, '')), texts(g).map(t => t.textContent.trim()).join(' ')));
	}
	const shown = svg.getBoundingClientRect().width, units = svg.viewBox.baseVal.width;
	const size = parseFloat((svg.querySelector('g.node text') || {getAttribute: () => '0'}).getAttribute('font-size'));
	d.FontPx = size * shown / units;
	d.WidthPx = shown;
	return d;
})`

// checkReadable fails the test for whatever makes a drawing hard to read:
// more than maxEdges lines, team boxes over each other, labels over each
// other or out of their box, text shown smaller than 9 CSS pixels.
func checkReadable(t *testing.T, d *drawing, maxEdges int) {
	t.Helper()
	if d == nil {
		t.Fatal("no graph on the page")
	}
	if d.Edges == 0 || d.Edges > maxEdges {
		t.Errorf("%d lines, want 1 to %d", d.Edges, maxEdges)
	}
	if len(d.Nodes) == 0 || len(d.Labels) != len(d.Nodes) {
		t.Fatalf("%d nodes, %d labels", len(d.Nodes), len(d.Labels))
	}
	pairs := func(what string, rs []rect) {
		for i, a := range rs {
			for _, b := range rs[i+1:] {
				if a.overlaps(b) {
					t.Errorf("%s overlap: %v and %v", what, a, b)
				}
			}
		}
	}
	pairs("team boxes", d.Clusters)
	pairs("role boxes", d.Nodes)
	pairs("labels", append(append([]rect(nil), d.Labels...), d.ClusterLabels...))
	for i, l := range d.Labels {
		// Our measurement sizes the boxes; the browser's fonts draw the
		// text. A label wider than its box would run into the next.
		if box := d.Nodes[i]; l.X < box.X || l.X+l.W > box.X+box.W {
			t.Errorf("label %v sticks out of its box %v", l, box)
		}
	}
	for i, l := range d.ClusterLabels {
		inside := false
		for _, c := range d.Clusters {
			inside = inside || c.contains(l)
		}
		if !inside {
			t.Errorf("team label %v (%d) is in no team box", l, i)
		}
	}
	if d.FontPx < 9 {
		t.Errorf("names shown at %.1f CSS pixels, too small to read", d.FontPx)
	}
}

// TestHomeGraph_readable opens the home page of the shipped agreement and
// of the small golden handbook at laptop and phone widths, in the light
// and the dark scheme, and measures the department's overview as drawn:
// at most 40 lines, no team box over another, no label over another or
// out of its box, names at a readable size. The link under it leads to
// graphs.html, whose department graph has every pair the overview's table
// lists. With ACCORD_SCREENSHOTS set, the figure is saved for each width
// and scheme, and graphs.html once.
func TestHomeGraph_readable(t *testing.T) {
	chrometest.Path(t)
	out := os.Getenv("ACCORD_SCREENSHOTS")
	sites := []struct{ name, dir string }{
		{"shipped", buildSite(t)},
		{"small", buildGolden(t, "small")},
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			base := serve(t, site.dir)
			b := newBrowser(t, 1280, 900)
			for _, width := range []int{1280, 375} {
				for _, scheme := range []string{"light", "dark"} {
					b.do(t,
						// A headless window is at least 500px wide: emulate the phone's viewport.
						chromedp.EmulateViewport(int64(width), 900),
						emulateScheme(scheme),
						chromedp.Navigate(base+"index.html"),
						chromedp.WaitVisible(chromedp.CSS(`.graph-overview svg`)),
					)
					d := eval[*drawing](t, b, measure+`('.graph-overview')`)
					t.Logf("%dpx %s: %d lines, %d teams, %d roles, names at %.1fpx, drawing %.0fpx wide",
						width, scheme, d.Edges, len(d.Clusters), len(d.Nodes), d.FontPx, d.WidthPx)
					checkReadable(t, d, 40)
					if w := eval[int](t, b, `document.documentElement.scrollWidth`); w > width+1 {
						t.Errorf("at %dpx the page is %dpx wide", width, w)
					}
					if out != "" {
						shot, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.CSS(`.graph-overview`)))
						if err != nil {
							t.Fatal(err)
						}
						name := fmt.Sprintf("home-graph-%s-%d-%s.png", site.name, width, scheme)
						if err := os.WriteFile(filepath.Join(out, name), shot, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			}

			// One click away: the whole picture.
			b.do(t, chromedp.EmulateViewport(1280, 900), emulateScheme("light"))
			pairs := eval[int](t, b, `document.querySelectorAll('.graph-overview table.graph-facts tbody tr').length`)
			b.do(t,
				chromedp.Click(chromedp.CSS(`.graph-overview .graph-full a`)),
				chromedp.WaitVisible(chromedp.CSS(`#department`)),
				chromedp.Sleep(100*time.Millisecond),
			)
			loc, err := chromedp.Run(b.ctx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(loc, "graphs.html#department") {
				t.Errorf("the link under the graph leads to %s", loc)
			}
			full := eval[*drawing](t, b, measure+`('section[aria-labelledby=department] figure')`)
			if full == nil || full.Edges != pairs {
				t.Errorf("graphs.html draws %v lines, the overview's table lists %d pairs", full, pairs)
			}
			if out != "" && site.name == "shipped" {
				shot, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
				if err == nil {
					err = os.WriteFile(filepath.Join(out, "graphs-shipped-1280.png"), shot, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			b.check(t, base)
		})
	}
}

// emulateScheme makes the page see prefers-color-scheme: scheme.
func emulateScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// buildGolden builds testdata/golden/name, with its graphs.
func buildGolden(t *testing.T, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	dir := filepath.Join("..", "..", "testdata", "golden", name)
	if _, err := generator.Build(context.Background(), generator.Options{Dir: dir, Out: out}); err != nil {
		t.Fatalf("build %s: %v", name, err)
	}
	return out
}
