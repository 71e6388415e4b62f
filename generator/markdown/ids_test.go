package markdown

import (
	"reflect"
	"testing"
)

// TestScan_headingIDs: the explicit ids of headings, at the '{' of their
// attributes, from Scan and from a render asked for Refs alike.
func TestScan_headingIDs(t *testing.T) {
	r := New(Options{})
	tests := []struct {
		src  string
		want []HeadingID
	}{
		{"# Top {#main}\n", []HeadingID{{"main", 1, 7}}},
		{"Intro\n\n## 汇率 {#q}\n\n## Plain\n", []HeadingID{{"q", 3, 7}}},
		{"Top {#main}\n===\n", []HeadingID{{"main", 1, 5}}},
		{"Two\nlines {#duties}\n---\n", []HeadingID{{"duties", 2, 7}}},
		{"> ### a {b} {id=main}\n", []HeadingID{{"main", 1, 13}}},
		{"# {#main}\n", []HeadingID{{"main", 1, 3}}},
		{"# Seven {id=7}\n\n```\n# {#main}\n```\n", []HeadingID{{"7", 1, 9}}},
		{"# Main\n", nil},
	}
	for _, tt := range tests {
		got := r.Scan([]byte(tt.src)).IDs
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Scan(%q).IDs = %+v, want %+v", tt.src, got, tt.want)
		}
		res, err := r.RenderPage([]byte(tt.src), Page{Refs: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res.IDs, tt.want) {
			t.Errorf("RenderPage(%q).IDs = %+v, want %+v", tt.src, res.IDs, tt.want)
		}
	}
}

func TestIsReservedID(t *testing.T) {
	for id, want := range map[string]bool{
		"main": true, "q": true, "q-results": true, "q-results:3": true, "all-pages": true, "duties": true,
		"main-1": false, "q-results-3": false, "roles": false, "search-q": false, "": false,
	} {
		if got := IsReservedID(id); got != want {
			t.Errorf("IsReservedID(%q) = %v, want %v", id, got, want)
		}
	}
	for _, id := range ReservedIDs() {
		if !IsReservedID(id) && id != resultPrefix+"<n>" {
			t.Errorf("ReservedIDs lists %q, which is not reserved", id)
		}
	}
}
