package graph

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// box is a rectangle in SVG coordinates, named for the messages.
type box struct {
	name                   string
	left, top, right, down float64
}

func (a box) overlaps(b box) bool {
	return a.left < b.right && b.left < a.right && a.top < b.down && b.top < a.down
}

func (a box) String() string {
	return fmt.Sprintf("%s [%.0f,%.0f – %.0f,%.0f]", a.name, a.left, a.top, a.right, a.down)
}

// bounds returns the box around the points of a polygon or path.
func bounds(name, points string) (box, bool) {
	b := box{name: name}
	n := 0
	for _, f := range strings.FieldsFunc(points, func(r rune) bool { return r == ' ' || (r >= 'A' && r <= 'Z') }) {
		xs, ys, ok := strings.Cut(f, ",")
		x, err1 := strconv.ParseFloat(xs, 64)
		y, err2 := strconv.ParseFloat(ys, 64)
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		if n == 0 {
			b.left, b.right, b.top, b.down = x, x, y, y
		}
		b.left, b.right, b.top, b.down = min(b.left, x), max(b.right, x), min(b.top, y), max(b.down, y)
		n++
	}
	return b, n > 0
}

// layoutBoxes reads from a laid out graph the box of each cluster and
// node (its first shape) and of each text, as wide as our measurement of
// it and one font size high around its baseline.
func layoutBoxes(t *testing.T, svg []byte) (clusters, nodes, texts []box) {
	t.Helper()
	kind, name := "", ""
	shaped := false
	for _, e := range parseSVG(t, svg) {
		switch e.name {
		case "g":
			class, ok := e.attrs["class"]
			if !ok {
				continue // the link inside a node or cluster
			}
			kind, name, shaped = "", e.attrs["id"], false
			for c := range strings.FieldsSeq(class) {
				if c == "cluster" || c == "node" {
					kind = c
				}
			}
		case "title":
			name = e.text
		case "path", "polygon":
			if kind == "" || shaped {
				continue
			}
			if b, ok := bounds(name, e.attrs["d"]+e.attrs["points"]); ok {
				shaped = true
				if kind == "cluster" {
					clusters = append(clusters, b)
				} else {
					nodes = append(nodes, b)
				}
			}
		case "text":
			x, _ := strconv.ParseFloat(e.attrs["x"], 64)
			y, _ := strconv.ParseFloat(e.attrs["y"], 64)
			size, _ := strconv.ParseFloat(e.attrs["font-size"], 64)
			text := strings.TrimSpace(e.text)
			w := textEm(text) * size
			texts = append(texts, box{name: strconv.Quote(text), left: x - w/2, right: x + w/2, top: y - size*0.85, down: y + size*0.15})
		}
	}
	return clusters, nodes, texts
}

// disjoint fails the test for every two of boxes that overlap.
func disjoint(t *testing.T, what string, boxes []box) {
	t.Helper()
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.overlaps(b) {
				t.Errorf("%s overlap: %v and %v", what, a, b)
			}
		}
	}
}

// TestOverview_readable lays out the home page's graph of the shipped
// agreement, the golden handbooks and a large synthetic one: at most
// maxOverviewEdges lines, no two team boxes, role boxes or texts over each
// other. The browser test measures the same on the page, with real fonts.
func TestOverview_readable(t *testing.T) {
	handbooks := []struct {
		name string
		h    *model.Handbook
	}{
		{"shipped", shipped(t)},
		{"golden small", loadDir(t, "../../testdata/golden/small")},
		{"golden notices", loadDir(t, "../../testdata/golden/notices/current")},
		{"test handbook", testHandbook()},
		{"synthetic 200", synthetic(200)},
	}
	r := newRenderer(t)
	for _, hb := range handbooks {
		t.Run(hb.name, func(t *testing.T) {
			dot, _ := Overview(hb.h, urls.Home)
			if n := strings.Count(dot, " -> "); n > maxOverviewEdges {
				t.Errorf("%d lines, want at most %d", n, maxOverviewEdges)
			}
			svg, err := r.SVG(dot)
			if err != nil {
				t.Fatal(err)
			}
			clusters, nodes, texts := layoutBoxes(t, svg)
			if len(nodes) == 0 {
				t.Fatal("no nodes drawn")
			}
			disjoint(t, "team boxes", clusters)
			disjoint(t, "nodes", nodes)
			disjoint(t, "texts", texts)
		})
	}
}

// TestDepartment_readable: the full department graph of the shipped
// agreement, which fdp drew with team boxes over each other.
func TestDepartment_readable(t *testing.T) {
	dot, _ := Department(shipped(t), urls.Graphs)
	svg, err := newRenderer(t).SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	clusters, nodes, texts := layoutBoxes(t, svg)
	disjoint(t, "team boxes", clusters)
	disjoint(t, "nodes", nodes)
	disjoint(t, "texts", texts)
}

// TestDepartment_sameLayoutEveryTime: the department graph and the
// overview of the shipped agreement are laid out the same whatever the
// Graphviz process laid out before. fdp, which drew the department graph
// before dot, failed this: Graphviz keeps state from one fdp layout to the
// next (neither a start seed nor start="regular" resets it), so each build
// with a cold cache drew another graph. dot, neato, circo, twopi, osage
// and patchwork passed the same probe; sfdp failed it too.
func TestDepartment_sameLayoutEveryTime(t *testing.T) {
	h := shipped(t)
	r := newRenderer(t)
	dept, _ := Department(h, urls.Graphs)
	over, _ := Overview(h, urls.Home)
	org, _ := OrgChart(h, urls.Teams)
	ids := regexp.MustCompile(`g[0-9a-f]{8}-`) // the prefix of ids, from the cache key
	first := map[string]string{}
	for i := range 3 {
		for name, dot := range map[string]string{"department": dept, "overview": over} {
			svg, err := r.SVG(dot + strings.Repeat("\n", i)) // new text, so a new layout
			if err != nil {
				t.Fatal(err)
			}
			got := ids.ReplaceAllString(string(svg), "")
			if i == 0 {
				first[name] = got
			} else if got != first[name] {
				t.Errorf("%s: layout %d differs from the first", name, i+1)
			}
		}
		if _, err := r.SVG(org + strings.Repeat(" ", i+1)); err != nil { // something else in between
			t.Fatal(err)
		}
	}
}

// loadDir loads a handbook folder.
func loadDir(t *testing.T, dir string) *model.Handbook {
	t.Helper()
	h, diags := load.Load(os.DirFS(dir), dir)
	if diags.HasErrors() {
		t.Fatalf("%s does not load: %v", dir, diags.Err())
	}
	h.Index()
	return h
}
