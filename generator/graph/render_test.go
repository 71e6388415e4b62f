package graph

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/urls"
)

// pagesOf lists the pages (and step anchors) a graph may link to.
func pagesOf(h *model.Handbook) map[string]bool {
	pages := map[string]bool{}
	for _, r := range h.Roles {
		pages[urls.Role(r.ID)] = true
	}
	for _, w := range h.Workflows {
		pages[urls.Workflow(w.ID)] = true
		for _, s := range w.Steps {
			pages[urls.Step(w.ID, s.ID)] = true
		}
	}
	return pages
}

// resolve reads a relative link on page as a site path.
func resolve(page, href string) string {
	if strings.HasPrefix(href, "#") {
		return page + href
	}
	return path.Join(path.Dir(page), href)
}

// numbers reads the x coordinates of a path's d or a polygon's points.
func xs(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || (r >= 'A' && r <= 'Z') }) {
		x, _, ok := strings.Cut(f, ",")
		if v, err := strconv.ParseFloat(x, 64); ok && err == nil {
			out = append(out, v)
		}
	}
	return out
}

// checkSVG checks a rendered graph: well-formed, every link relative and
// to a page that exists, node text inside its box, no markup from names.
func checkSVG(t *testing.T, svg []byte, page string, pages map[string]bool) (texts []string) {
	t.Helper()
	boxWidth := 0.0
	inNode := false
	for _, e := range parseSVG(t, svg) {
		for k := range e.attrs {
			if strings.HasPrefix(strings.ToLower(k), "on") {
				t.Errorf("attribute %s on <%s>", k, e.name)
			}
		}
		switch e.name {
		case "script", "foreignObject", "image", "style":
			t.Errorf("element <%s> in the SVG", e.name)
		case "g":
			inNode = strings.Contains(e.attrs["class"], "g-node")
			boxWidth = 0
		case "a":
			href, ok := e.attrs["xlink:href"]
			if !ok {
				continue
			}
			if _, rel := relativeLink(href); !rel {
				t.Errorf("link %q is not relative", href)
			}
			if target := resolve(page, href); !pages[target] {
				t.Errorf("link %q on %s goes to %s, which is no page", href, page, target)
			}
		case "path", "polygon":
			if inNode && boxWidth == 0 {
				v := xs(e.attrs["d"] + e.attrs["points"])
				lo, hi := v[0], v[0]
				for _, x := range v {
					lo, hi = min(lo, x), max(hi, x)
				}
				boxWidth = hi - lo
			}
		case "text":
			texts = append(texts, e.text)
			if need := textEm(e.text) * fontSize; inNode && need > boxWidth {
				t.Errorf("text %q (%.0fpt) is wider than its box (%.0fpt)", e.text, need, boxWidth)
			}
		}
	}
	return texts
}

func TestRender_graphs(t *testing.T) {
	h := testHandbook()
	r := New("")
	defer r.Close()
	pages := pagesOf(h)
	render := func(dot string, alt Alt, page string) string {
		t.Helper()
		svg, err := r.SVGWithTitle(dot, alt.Title)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(svg), `<svg aria-label="`+alt.Title+`"`) {
			t.Errorf("no aria-label: %.100s", svg)
		}
		return strings.Join(checkSVG(t, svg, page, pages), "\n")
	}
	dot, alt := Department(h, "index.html")
	text := render(dot, alt, "index.html")
	for _, want := range []string{"外贸业务员", "单证员（兼职信用", `Cashier "A&B"`, "<script>alert(1)"} {
		if !strings.Contains(text, want) {
			t.Errorf("department: no text %q in\n%s", want, text)
		}
	}
	dot, alt = Workflow(h, h.WorkflowByID["order"], "workflows/order.html")
	if text := render(dot, alt, "workflows/order.html"); !strings.Contains(text, "R: 外贸业务员") {
		t.Errorf("workflow: no R line in\n%s", text)
	}
	dot, alt = OrgChart(h, "teams.html")
	render(dot, alt, "teams.html")
	dot, alt = Neighbourhood(h, "sales-rep", "roles/sales-rep.html")
	render(dot, alt, "roles/sales-rep.html")
}

func TestRender_cache(t *testing.T) {
	dir := t.TempDir()
	dot, _ := Department(testHandbook(), "index.html")
	r := New(dir)
	first, err := r.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	again, err := r.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if s := r.Stats(); s.Graphs != 2 || s.CacheHits != 1 || s.Layouts != 1 || s.Workers != 1 || s.LayoutTime <= 0 {
		t.Errorf("stats after a repeat: %+v", s)
	}
	if string(first) != string(again) {
		t.Error("a cached SVG differs from the first")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "[^.]*")) // not the prune stamp
	if len(files) != 1 || !strings.HasSuffix(files[0], ".svg") {
		t.Errorf("cache folder holds %q, want one .svg", files)
	}

	// A new Renderer on the same folder (the next build) starts no Graphviz.
	r2 := New(dir)
	defer r2.Close()
	start := time.Now()
	fromDisk, err := r2.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("disk cache hit: %v", time.Since(start))
	if s := r2.Stats(); s.CacheHits != 1 || s.Layouts != 0 || s.Workers != 0 {
		t.Errorf("stats of a warm build: %+v", s)
	}
	if string(fromDisk) != string(first) {
		t.Error("the SVG from disk differs")
	}
}

// TestRender_memoryOnlyOffDisk: what the disk cache holds is read from it
// again rather than kept in memory; without a disk cache, or when the file
// cannot be written, memory keeps the SVG and nothing is laid out twice.
func TestRender_memoryOnlyOffDisk(t *testing.T) {
	dot, _ := Department(testHandbook(), "index.html")
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		kept int
	}{
		{"disk cache", t.TempDir(), 0},
		{"no disk cache", "", 1},
		{"cache folder cannot be made", notADir, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(tt.dir)
			defer r.Close()
			var svgs []string
			for range 3 {
				svg, err := r.SVG(dot)
				if err != nil {
					t.Fatal(err)
				}
				svgs = append(svgs, string(svg))
			}
			if svgs[1] != svgs[0] || svgs[2] != svgs[0] {
				t.Error("a repeat differs from the first")
			}
			if s := r.Stats(); s.Layouts != 1 || s.CacheHits != 2 {
				t.Errorf("stats %+v, want one layout and two hits", s)
			}
			r.mu.Lock()
			defer r.mu.Unlock()
			if len(r.mem) != tt.kept {
				t.Errorf("%d SVGs in memory, want %d", len(r.mem), tt.kept)
			}
		})
	}
}

// TestRender_damagedCache: a cache file that fails its checksum is laid out
// and sanitised again, never served, and is overwritten with a good one.
func TestRender_damagedCache(t *testing.T) {
	dot, _ := Department(testHandbook(), "index.html")
	other, _ := OrgChart(testHandbook(), "teams.html")
	tests := []struct {
		name   string
		damage func(t *testing.T, file, otherFile string, b []byte) []byte
		hit    bool
	}{
		{"intact", func(_ *testing.T, _, _ string, b []byte) []byte { return b }, true},
		{"empty", func(*testing.T, string, string, []byte) []byte { return nil }, false},
		{"truncated", func(_ *testing.T, _, _ string, b []byte) []byte { return b[:len(b)-10] }, false},
		{"header only", func(_ *testing.T, _, _ string, b []byte) []byte { return b[:cacheHeaderLen] }, false},
		{"flipped byte", func(_ *testing.T, _, _ string, b []byte) []byte {
			b[len(b)/2] ^= 1
			return b
		}, false},
		{"script added", func(_ *testing.T, _, _ string, b []byte) []byte {
			return append(b[:len(b)-len("</svg>")], "<script>alert(1)</script></svg>"...)
		}, false},
		{"no header (version 1: Graphviz's own SVG)", func(_ *testing.T, _, _ string, b []byte) []byte {
			return b[cacheHeaderLen:]
		}, false},
		{"bad checksum digits", func(_ *testing.T, _, _ string, b []byte) []byte {
			copy(b[len(cacheHeader):], strings.Repeat("z", 64))
			return b
		}, false},
		{"another graph's file", func(t *testing.T, _, otherFile string, _ []byte) []byte {
			b, err := os.ReadFile(otherFile)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			r := New(dir)
			want, err := r.SVG(dot)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.SVG(other); err != nil {
				t.Fatal(err)
			}
			r.Close()
			file := r.path(r.key(dot))
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), cacheHeader) || !strings.HasSuffix(string(b), string(want)) {
				t.Fatalf("cache file is not header + sanitised SVG: %.200s", b)
			}
			if err := os.WriteFile(file, tt.damage(t, file, r.path(r.key(other)), b), 0o644); err != nil {
				t.Fatal(err)
			}

			r2 := New(dir)
			defer r2.Close()
			got, err := r2.SVG(dot)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("served %.200s…, want the SVG laid out first", got)
			}
			if s := r2.Stats(); (s.CacheHits == 1) != tt.hit || s.Layouts+s.CacheHits != 1 {
				t.Errorf("stats %+v, want a cache hit: %v", s, tt.hit)
			}
			// The file was repaired: a third build hits.
			r3 := New(dir)
			defer r3.Close()
			if _, err := r3.SVG(dot); err != nil {
				t.Fatal(err)
			}
			if s := r3.Stats(); s.CacheHits != 1 {
				t.Errorf("the damaged file was not replaced: %+v", s)
			}
		})
	}
}

// TestRender_concurrent: go-graphviz corrupts itself under concurrent use;
// the Renderer must give each worker one layout at a time. Run with -race.
func TestRender_concurrent(t *testing.T) {
	r := New("")
	defer r.Close()
	h := testHandbook()
	var wg sync.WaitGroup
	errs := make(chan error, 8*4)
	for g := range 8 {
		wg.Go(func() {
			for i := range 4 {
				dot, _ := Neighbourhood(h, h.Roles[(g+i)%len(h.Roles)].ID, fmt.Sprintf("roles/%d.html", g))
				svg, err := r.SVG(dot)
				if err == nil && !strings.Contains(string(svg), "</svg>") {
					err = fmt.Errorf("goroutine %d: truncated SVG", g)
				}
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if s := r.Stats(); s.Graphs != 32 || s.Layouts+s.CacheHits != 32 {
		t.Errorf("stats: %+v", s)
	}
}

// TestRender_sameGraphConcurrently: requests for one graph that arrive
// while it is being laid out wait for that layout instead of running their
// own. Run with -race.
func TestRender_sameGraphConcurrently(t *testing.T) {
	dot, _ := Department(synthetic(60), "index.html")
	tests := []struct {
		name   string
		disk   bool
		inProc bool
	}{
		{"workers, memory only", false, false},
		{"workers, disk cache", true, false},
		{"in-process", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := ""
			if tt.disk {
				dir = t.TempDir()
			}
			r := New(dir)
			defer r.Close()
			r.inProc = tt.inProc
			const n = 16
			got := make([][]byte, n)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					<-start
					svg, err := r.SVGWithTitle(dot, "title")
					if err != nil {
						t.Error(err)
					}
					got[i] = svg
				})
			}
			close(start)
			wg.Wait()
			for i := range got {
				if string(got[i]) != string(got[0]) {
					t.Fatalf("request %d got another SVG", i)
				}
			}
			if s := r.Stats(); s.Graphs != n || s.Layouts != 1 || s.CacheHits != n-1 || s.Workers != 1 {
				t.Errorf("stats %+v, want %d graphs from one layout in one worker", s, n)
			}
			if tt.disk {
				if files, _ := filepath.Glob(filepath.Join(dir, "[^.]*")); len(files) != 1 {
					t.Errorf("cache folder holds %q, want one file", files)
				}
			}
		})
	}
}

// TestRender_pool: distinct graphs requested at once are laid out by at
// most maxWorkers workers, retired and replaced as they grow, and Close
// in the middle of it loses no layout. Run with -race.
func TestRender_pool(t *testing.T) {
	h := synthetic(40)
	var dots []string
	for _, r := range h.Roles {
		dot, _ := Neighbourhood(h, r.ID, "roles/x.html")
		dots = append(dots, dot)
	}
	tests := []struct {
		name       string
		maxWorkers int
		heapMax    uint64
		close      bool
	}{
		{"three workers", 3, WorkerHeapLimit, false},
		{"one worker", 1, WorkerHeapLimit, false},
		{"retired after each layout", 2, 1, false},
		{"closed meanwhile", 3, WorkerHeapLimit, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New("")
			r.maxWorkers, r.heapMax = tt.maxWorkers, tt.heapMax
			next := make(chan string)
			var wg sync.WaitGroup
			for range 6 {
				wg.Go(func() {
					for dot := range next {
						svg, err := r.SVG(dot)
						if err != nil || !strings.HasSuffix(string(svg), "</svg>") {
							t.Errorf("%v: %.80s", err, svg)
						}
					}
				})
			}
			for i, dot := range dots {
				if tt.close && i%10 == 5 {
					r.Close()
				}
				next <- dot
			}
			close(next)
			wg.Wait()
			s := r.Stats()
			if s.Graphs != len(dots) || s.Layouts != len(dots) {
				t.Errorf("stats %+v, want %d layouts", s, len(dots))
			}
			if tt.heapMax == WorkerHeapLimit && !tt.close && s.Workers > tt.maxWorkers {
				t.Errorf("%d workers started, at most %d may run", s.Workers, tt.maxWorkers)
			}
			if tt.heapMax == 1 && s.Workers != len(dots) {
				t.Errorf("%d workers started, want one per layout", s.Workers)
			}
			r.mu.Lock()
			idle, live := len(r.idle), r.live
			r.mu.Unlock()
			if live != idle || live > tt.maxWorkers {
				t.Errorf("%d workers live, %d idle, after every layout ended", live, idle)
			}
			r.Close()
			if r.live != 0 || len(r.idle) != 0 {
				t.Errorf("after Close: %d live, %d idle", r.live, len(r.idle))
			}
		})
	}
}

// TestUserDOT_hostile: a ```dot block written to attack the page comes out
// inert. Images and shape files, besides, must not break go-graphviz (they
// did, with a file system that answered "permission denied").
func TestUserDOT_hostile(t *testing.T) {
	for _, mode := range []string{"worker", "in-process"} {
		t.Run(mode, func(t *testing.T) {
			r := New("")
			defer r.Close()
			r.inProc = mode == "in-process"
			userDOTHostile(t, r)
		})
	}
}

func userDOTHostile(t *testing.T, r *Renderer) {
	src := `digraph {
  stylesheet="http://evil.example/x.css"
  a [URL="javascript:alert(1)" label="<script>alert(1)</script>" tooltip="x\" onload=\"alert(1)"]
  b [href="http://evil.example/" target="_blank" image="/etc/passwd"]
  c [URL="data:text/html,<script>alert(1)</script>" shapefile="/etc/hostname"]
  d [URL="../roles/ok.html" label="ok"]
  e [label=<<b>bold</b> &amp; <font color="red">x</font>>]
  f [URL=" JaVaScRiPt:alert(2)" id="main"]
  a -> b [URL="//evil.example/"]
}`
	svg, err := r.UserDOT(src)
	if err != nil {
		t.Fatal(err)
	}
	got := string(svg)
	checkSVG(t, svg, "pages/x.html", map[string]bool{"roles/ok.html": true})
	for _, bad := range []string{"javascript", "JaVaScRiPt", "evil", "data:", "<script", "passwd", "hostname", "target=", `id="main"`} {
		if strings.Contains(got, bad) {
			t.Errorf("UserDOT output contains %q:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, `xlink:href="../roles/ok.html"`) || !strings.Contains(got, "&lt;script&gt;alert(1)") {
		t.Errorf("UserDOT lost the harmless parts:\n%s", got)
	}
}

// TestUserDOT_errors: line numbers are the block's, and never stale: after a
// syntax error, an empty graph or a comment alone must not repeat it.
func TestUserDOT_errors(t *testing.T) {
	for _, mode := range []string{"worker", "in-process"} {
		t.Run(mode, func(t *testing.T) {
			r := New("")
			defer r.Close()
			r.inProc = mode == "in-process"
			steps := []struct {
				src  string
				line int   // want a *DOTError at this line
				want error // or this error
			}{
				{"digraph {\n  a -> b\n  c -> }\n", 3, nil},
				{"", 0, ErrEmpty},
				{"/* a comment, no graph */", 0, ErrEmpty},
				{"graph {\n\n  a -> b\n}", 3, nil},
				{"   \n", 0, ErrEmpty},
				{"digraph { a -> b }", 0, nil},
				{"strict", 1, nil},
			}
			for _, s := range steps {
				svg, err := r.UserDOT(s.src)
				var de *DOTError
				switch {
				case s.line > 0:
					if !errors.As(err, &de) || de.Line != s.line {
						t.Errorf("UserDOT(%q) = %v, want a syntax error at line %d", s.src, err, s.line)
					}
				case s.want != nil:
					if !errors.Is(err, s.want) {
						t.Errorf("UserDOT(%q) = %v, want %v", s.src, err, s.want)
					}
				case err != nil || len(svg) == 0:
					t.Errorf("UserDOT(%q) = %v", s.src, err)
				}
			}
			layouts := r.Stats().Layouts
			if _, err := r.UserDOT("digraph {\n  a -> b\n  c -> }\n"); err == nil || r.Stats().Layouts != layouts {
				t.Errorf("a known bad graph was laid out again (%v)", err)
			}
		})
	}
}

func TestUserDOT_limits(t *testing.T) {
	r := New("")
	for _, src := range []string{strings.Repeat("x", MaxUserDOT+1), "digraph { a [label=\"\xff\"] }"} {
		if _, err := r.UserDOT(src); err == nil {
			t.Errorf("UserDOT(%.20q…) succeeded", src)
		}
	}
	if s := r.Stats(); s.Workers != 0 {
		t.Errorf("a refused graph started Graphviz: %+v", s)
	}
}

// TestRender_workerRecovers: a layout past the timeout kills the worker and
// fails; a worker that dies between calls is replaced without an error.
func TestRender_workerRecovers(t *testing.T) {
	r := New("")
	defer r.Close()
	big, _ := Department(synthetic(200), "index.html")
	if _, err := r.SVG("digraph { a -> b }"); err != nil {
		t.Fatal(err)
	}
	r.timeout = time.Millisecond
	if _, err := r.SVG(big); !errors.Is(err, errTimeout) {
		t.Fatalf("want a timeout, got %v", err)
	}
	r.timeout = LayoutTimeout
	if _, err := r.SVG("digraph { b -> c }"); err != nil {
		t.Fatal(err)
	}
	if len(r.idle) != 1 {
		t.Fatalf("%d idle workers after serial layouts, want 1", len(r.idle))
	}
	r.idle[0].kill()
	<-r.idle[0].done
	if _, err := r.SVG("digraph { c -> d }"); err != nil {
		t.Fatalf("after the worker died: %v", err)
	}
	if s := r.Stats(); s.Workers != 3 {
		t.Errorf("want 3 workers started (first, after the timeout, after the kill): %+v", s)
	}
}

func TestRender_inProcess(t *testing.T) {
	r := New("")
	r.inProc = true
	dot, _ := OrgChart(testHandbook(), "teams.html")
	svg, err := r.SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, svg, "teams.html", pagesOf(testHandbook()))
}

func TestDefaultCacheDir(t *testing.T) {
	if d := DefaultCacheDir(); d != "" && !strings.HasSuffix(d, filepath.Join("accord", "graphs")) {
		t.Errorf("DefaultCacheDir() = %q", d)
	}
	_ = os.Getenv // the folder is not created until a graph is stored
}
