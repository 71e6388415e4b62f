package render

import (
	"strconv"
	"testing"

	"github.com/accord-handbook/accord/generator/model"
)

// TestVersionMenu_bounded: a page's switcher lists the MenuVersions newest
// versions and the one being read, however many there are: with all of
// them on every page, 400 tags made a site of hundreds of MB.
func TestVersionMenu_bounded(t *testing.T) {
	var list []*Version
	for i := range 25 {
		n := "1." + strconv.Itoa(i)
		list = append(list, &Version{Number: n, Slug: n, Handbook: &model.Handbook{}})
	}
	for _, self := range []int{24, 20, 3} {
		p := &Page{Path: "index.html", History: &History{List: list, Self: self}}
		menu := p.VersionMenu()
		want := MenuVersions
		if self < len(list)-MenuVersions {
			want++
		}
		if len(menu) != want || menu[0].Number != "1.24" || !menu[0].Latest {
			t.Errorf("reading %d: %d entries from %s, want %d from the newest", self, len(menu), menu[0].Number, want)
		}
		found := false
		for _, l := range menu {
			found = found || l.Selected && l.Number == list[self].Number
		}
		if !found {
			t.Errorf("reading %d: the version being read is not in the menu", self)
		}
	}
}
