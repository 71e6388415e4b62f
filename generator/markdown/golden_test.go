package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txtar with the current output")

// Golden files: testdata/<case>.txtar holds input.md, and the expected
// want.html and want.txt (headings, dot blocks, refs). A comment line "rawhtml"
// renders with Options{RawHTML: true}. go test -update rewrites the wants.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opts := Options{RawHTML: bytes.Contains(ar.Comment, []byte("rawhtml"))}
			input := archiveFile(ar, "input.md")
			if input == nil {
				t.Fatalf("%s has no input.md", file)
			}
			gotHTML, gotTxt := goldenOutputs(t, opts, input)
			if *update {
				setArchiveFile(ar, "want.html", gotHTML)
				setArchiveFile(ar, "want.txt", gotTxt)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, got := range map[string][]byte{"want.html": gotHTML, "want.txt": gotTxt} {
				if want := archiveFile(ar, name); !bytes.Equal(got, want) {
					t.Errorf("%s differs (go test -update to accept)\n--- got\n%s\n--- want\n%s", name, got, want)
				}
			}
		})
	}
}

// goldenDot stands in for Graphviz: the golden files test the plumbing.
func goldenDot(b DotBlock) ([]byte, bool) {
	return []byte(fmt.Sprintf("<figure class=\"graph\">graph %d, %d bytes</figure>", b.Index, len(b.Source))), true
}

func goldenOutputs(t *testing.T, opts Options, input []byte) (html, txt []byte) {
	r := New(opts)
	res, err := r.Render(input, mdToHTML, goldenDot)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var b bytes.Buffer
	for _, h := range res.Headings {
		fmt.Fprintf(&b, "heading h%d %q #%s\n", h.Level, h.Text, h.ID)
	}
	for _, d := range res.Dots {
		fmt.Fprintf(&b, "dot %d line %d %q\n", d.Index, d.Line, d.Source)
	}
	for _, ref := range r.Refs(input) {
		kind := "link"
		if ref.Image {
			kind = "image"
		}
		fmt.Fprintf(&b, "%s %d:%d %q\n", kind, ref.Line, ref.Col, ref.Dest)
	}
	return []byte(res.HTML), b.Bytes()
}

func archiveFile(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func setArchiveFile(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}

// goldenInputs returns every golden input, for the fuzz corpus and the benchmark.
func goldenInputs(tb testing.TB) [][]byte {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	var out [][]byte
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		if in := archiveFile(ar, "input.md"); in != nil {
			out = append(out, in)
		}
	}
	return out
}
