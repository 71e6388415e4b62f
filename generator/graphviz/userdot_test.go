package graphviz

import (
	"errors"
	"strings"
	"testing"
)

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
  g [URL="#ok" label="fragment"]
  e [label=<<b>bold</b> &amp; <font color="red">x</font>>]
  f [URL=" JaVaScRiPt:alert(2)" id="main"]
  a -> b [URL="//evil.example/"]
}`
	svg, err := r.UserDOT(src)
	if err != nil {
		t.Fatal(err)
	}
	got := string(svg)
	checkSVG(t, svg, "pages/x.html", map[string]bool{"pages/x.html#ok": true})
	for _, bad := range []string{"javascript", "JaVaScRiPt", "evil", "data:", "<script", "passwd", "hostname", "target=", `id="main"`, "roles/ok.html"} {
		if strings.Contains(got, bad) {
			t.Errorf("UserDOT output contains %q:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, `xlink:href="#ok"`) || !strings.Contains(got, "&lt;script&gt;alert(1)") {
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
