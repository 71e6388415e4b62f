package graph

import (
	"strconv"
	"testing"

	"github.com/accord-handbook/accord/generator/graphviz"
	"github.com/accord-handbook/accord/generator/urls"
)

func BenchmarkDepartment200(b *testing.B) {
	h := synthetic(200)
	b.Run("dot", func(b *testing.B) {
		for b.Loop() {
			Department(h, urls.Home)
		}
	})
	dot, _ := Department(h, urls.Home)
	r := newRenderer(b)
	if _, err := r.SVG(dot); err != nil { // start the worker outside the timing
		b.Fatal(err)
	}
	b.Run("layout", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++ // a comment makes the text, hence the cache key, new
			if _, err := r.SVG(dot + "// " + strconv.Itoa(i) + "\n"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := r.SVG(dot); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("disk", func(b *testing.B) {
		dir := b.TempDir()
		warm := graphviz.New(dir)
		warm.SVG(dot)
		warm.Close()
		for b.Loop() {
			if _, err := graphviz.New(dir).SVG(dot); err != nil {
				b.Fatal(err)
			}
		}
	})
}
