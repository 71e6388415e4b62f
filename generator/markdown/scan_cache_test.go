package markdown

import (
	"reflect"
	"testing"
)

func TestScan_cachedSameAsParsed(t *testing.T) {
	r := New(Options{})
	c := NewCache()
	rc := r.WithCache(c)
	docs := []string{
		"See [a](../policies/a.md) and ![b](../assets/b.svg).\n\n```dot\ndigraph { a -> b }\n```\n",
		"See [a](../policies/a.md) and ![b](../assets/c.svg).\n",
		"信用证见[审证要点](runbooks/lc.md#时限)。\n",
		"# Top {#main}\n\nText.\n",
	}
	for round := 0; round < 2; round++ { // the second round comes from the cache
		for _, d := range docs {
			want, got := r.Scan([]byte(d)), rc.Scan([]byte(d))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, %q: cached scan %+v, parsed %+v", round, d, got, want)
			}
		}
	}
	if len(c.scans) != len(docs) {
		t.Errorf("%d scans cached, want %d", len(c.scans), len(docs))
	}
	c.Sweep() // all used since the last sweep: kept
	rc.Scan([]byte(docs[0]))
	c.Sweep() // only docs[0] used: the others go
	if len(c.scans) != 1 {
		t.Errorf("after sweeps %d scans cached, want 1", len(c.scans))
	}
}
