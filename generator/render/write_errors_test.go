package render_test

import (
	"context"
	"io/fs"
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
		want := "writing " + refused + ": open /srv/.public.accord-tmp-1/" + refused + ": no space left on device"
		if err == nil || err.Error() != want {
			t.Errorf("%s refused: err = %v, want %s", refused, err, want)
		}
	}
}
