package render_test

import (
	"context"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/accord-handbook/accord/generator/render"
	"github.com/accord-handbook/accord/generator/site"
	"github.com/accord-handbook/accord/internal/testhb"
)

// refusing is an Output that refuses every file that refuse picks, as a
// full disk would, and lists the files it was given.
type refusing struct {
	site.Memory
	refuse func(p string) error
	mu     sync.Mutex
	tried  []string
}

func (o *refusing) try(p string) error {
	o.mu.Lock()
	o.tried = append(o.tried, p)
	o.mu.Unlock()
	if err := o.refuse(p); err != nil {
		return &fs.PathError{Op: "open", Path: "/srv/.public.accord-tmp-1/" + p, Err: err}
	}
	return nil
}

func (o *refusing) Add(f site.File) error {
	if err := o.try(f.Path); err != nil {
		return err
	}
	return o.Memory.Add(f)
}

func (o *refusing) CreateFile(p string) (site.OutFile, error) {
	if err := o.try(p); err != nil {
		return nil, err
	}
	return o.Memory.CreateFile(p)
}

// TestSite_diskFull: when every file fails the same way, the render says
// so in one line: the first file's error, how many failed, what to do.
func TestSite_diskFull(t *testing.T) {
	in := input(t, testhb.Large(100))
	out := &refusing{refuse: func(string) error { return syscall.ENOSPC }}
	_, err := render.Site(context.Background(), in, out)
	if err == nil {
		t.Fatal("no error")
	}
	first := slices.Min(out.tried)
	want := "cannot write " + strconv.Itoa(len(out.tried)) + " files of the site, the first " + first +
		": open /srv/.public.accord-tmp-1/" + first + ": no space left on device; free some space on that disk, then build again"
	if err.Error() != want {
		t.Errorf("err =\n%.2000s\nwant\n%s", err, want)
	}
	if len(out.tried) < 100 {
		t.Errorf("%d files tried, want every page's", len(out.tried))
	}
}

// TestSite_causes: files refused for different causes are one line each,
// sorted; a lone failure reads as it always did, with what to do.
func TestSite_causes(t *testing.T) {
	in := input(t, testhb.Mini)
	out := &refusing{refuse: func(p string) error {
		switch {
		case strings.HasPrefix(p, "roles/"):
			return syscall.EROFS
		case p == "index.html":
			return syscall.EDQUOT
		case strings.HasPrefix(p, "workflows/"):
			return syscall.EACCES
		}
		return nil
	}}
	_, err := render.Site(context.Background(), in, out)
	want := strings.Join([]string{
		"cannot write 2 files of the site, the first workflows/delivery.html: open /srv/.public.accord-tmp-1/workflows/delivery.html: permission denied; check the permissions of the output's folder, or choose another output with -o",
		"cannot write 3 files of the site, the first roles/engineer.html: open /srv/.public.accord-tmp-1/roles/engineer.html: read-only file system; that file system is read-only: choose another output with -o",
		"writing index.html: open /srv/.public.accord-tmp-1/index.html: disk quota exceeded; your disk quota is used up: free some space, then build again",
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%s", err, want)
	}
}

// TestSite_assetRefused: a theme file or asset that cannot be written
// fails the render, like a page.
func TestSite_assetRefused(t *testing.T) {
	files := map[string]string{"assets/note.txt": "a note\n"}
	for k, v := range testhb.Mini {
		files[k] = v
	}
	in := input(t, files)
	for _, refused := range []string{"assets/note.txt", "_accord/style.css"} {
		out := &refusing{refuse: func(p string) error {
			if p == refused {
				return syscall.ENOSPC
			}
			return nil
		}}
		_, err := render.Site(context.Background(), in, out)
		want := "writing " + refused + ": open /srv/.public.accord-tmp-1/" + refused + ": no space left on device; free some space on that disk, then build again"
		if err == nil || err.Error() != want {
			t.Errorf("%s refused: err = %v, want %s", refused, err, want)
		}
	}
}
