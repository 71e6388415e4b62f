package generator

import (
	"go/build"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/accord-handbook/accord/"

// importDir reads the imports of the package in dir, a folder of the
// module, from its files (no go command: this is quick).
func importDir(t *testing.T, dir string) *build.Package {
	t.Helper()
	bp, err := build.ImportDir("../"+dir, 0)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return bp
}

// deps returns the packages of this module that pkg imports, directly or
// not, tests left out.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	seen := map[string]bool{}
	var walk func(string)
	walk = func(p string) {
		bp := importDir(t, strings.TrimPrefix(p, module))
		for _, imp := range bp.Imports {
			if strings.HasPrefix(imp, module) && !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(module + pkg)
	var out []string
	for p := range seen {
		out = append(out, strings.TrimPrefix(p, module))
	}
	slices.Sort(out)
	return out
}

// TestImports_oneWay keeps the pipeline's imports running one way, as the
// README's layout section describes them: a stage never reaches back to
// one before it, and the packages that write or serve a site know nothing
// of how it was loaded or rendered.
func TestImports_oneWay(t *testing.T) {
	never := []struct {
		pkg   string
		never []string
	}{
		{"generator/render", []string{"generator/load", "generator/gitfs", "generator/versions", "generator/validate", "generator/graphviz", "generator/rootfs"}},
		{"generator/site", []string{"generator/load", "generator/render", "generator/model"}},
		{"generator/serve", []string{"generator/load", "generator/render", "generator/model", "generator/gitfs"}},
		{"generator/validate", []string{"generator/load", "generator/render"}},
		{"generator/graph", []string{"generator/graphviz", "generator/render"}},
		{"generator/model", []string{"generator/load", "generator/render", "generator/validate"}},
	}
	for _, c := range never {
		got := deps(t, c.pkg)
		for _, n := range c.never {
			if slices.Contains(got, n) {
				t.Errorf("%s imports %s (its imports: %v)", c.pkg, n, got)
			}
		}
	}
}

// TestImports_cmd: the command is flag parsing and calls into the
// generator, not a second place where stages are wired.
func TestImports_cmd(t *testing.T) {
	bp := importDir(t, "cmd/accord")
	var own []string
	for _, imp := range bp.Imports {
		if strings.HasPrefix(imp, module) {
			own = append(own, imp)
		}
	}
	if len(own) > 6 {
		t.Errorf("cmd/accord imports %d packages of accord, want at most 6: %v", len(own), own)
	}
}

// TestImports_graphviz: the runner is the one package that imports
// go-graphviz, whose init and WebAssembly should not ride into the others.
func TestImports_graphviz(t *testing.T) {
	for _, p := range []string{"generator/graph", "generator/render", "generator/figures", "generator/validate", "generator/site", "generator/serve"} {
		bp := importDir(t, p)
		for _, imp := range bp.Imports {
			if strings.HasPrefix(imp, "github.com/goccy/go-graphviz") {
				t.Errorf("%s imports %s: only generator/graphviz may", p, imp)
			}
		}
	}
}
