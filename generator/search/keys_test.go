package search

import (
	"math/rand/v2"
	"testing"
)

// TestKeyTable_sameAsMap: keys of the kinds the index makes (runes, pairs
// of runes, packed words, random bits), many times each, get the terms a
// map gives, through growing.
func TestKeyTable_sameAsMap(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	kt, m := newKeyTable(), map[uint64]int32{}
	next := int32(0)
	newTerm := func() int32 { next++; return next - 1 }
	for i := range 200000 {
		var k uint64
		switch i % 4 {
		case 0:
			k = cjkKey(rune(0x4E00+r.IntN(3000)), 0)
		case 1:
			k = cjkKey(rune(0x4E00+r.IntN(300)), rune(0x4E00+r.IntN(300)))
		case 2:
			k = shortKey([]byte{byte('a' + r.IntN(26)), byte('a' + r.IntN(26)), byte('0' + r.IntN(10))})
		default:
			k = r.Uint64() | 1
		}
		want, ok := m[k]
		if !ok {
			want = next
			m[k] = want
		}
		if got := kt.termOf(k, newTerm); got != want {
			t.Fatalf("key %#x: term %d, want %d", k, got, want)
		}
	}
	n := 0
	for k, term := range kt.all() {
		if m[k] != term {
			t.Fatalf("all yields %#x: %d, want %d", k, term, m[k])
		}
		n++
	}
	if n != len(m) || kt.n != len(m) {
		t.Fatalf("all yields %d keys, the table says %d, want %d", n, kt.n, len(m))
	}
}
