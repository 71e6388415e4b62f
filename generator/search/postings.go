package search

import (
	"iter"
	"slices"
	"strings"
)

// part is what indexing a range of documents gives: the range's terms,
// sorted, and the size of its documents and of its terms as JSON (each
// document and term with a comma).
type part struct {
	tab                 *table // the postings
	terms               []term
	docsSize, termsSize int
}

// indexRange indexes docs[from:to]: it fills out and plain for them and
// makes their part.
func indexRange(docs []Doc, out [][4]string, plain []uint8, from, to int) *part {
	t := newTable()
	size := 0
	for i := from; i < to; i++ {
		d := docs[i]
		text := d.Text
		if !d.ready {
			text = clip(squash(text), MaxText)
		}
		out[i] = [4]string{d.Kind, d.Title, d.URL, text}
		t.doc = int32(i)
		// Tokenising title and text (apart: the space between them only
		// separated tokens) tells whether they need JSON escaping; kind and
		// URL are measured.
		if t.add(d.Title) {
			plain[i] |= 1 << 1
		}
		if t.add(text) {
			plain[i] |= 1 << 3
		}
		for j, f := range out[i] {
			n := len(f) + 2
			if j == 0 || j == 2 {
				if n = jsonLen(f); n == len(f)+2 {
					plain[i] |= 1 << j
				}
			} else if plain[i]&(1<<j) == 0 {
				n = jsonLen(f)
			}
			size += n + 1
		}
		size += 2
	}
	p := &part{tab: t, terms: t.terms(), docsSize: size}
	for i, tm := range p.terms {
		n := jsonLen(tm.text)
		p.terms[i].plain = n == len(tm.text)+2
		p.terms[i].size = int32(n + 4 + postingsLen(t.toks[tm.id].count, to-from, to)) // n: the quoted term; ':', '"', '"', ','
		p.termsSize += int(p.terms[i].size)
	}
	return p
}

// postingsLen bounds the length of n > 0 postings of documents below to,
// in a range of r documents, with the commas between them: reading them
// all to measure them was as long as writing them. The first
// is a delta from 0 or from a document of an earlier range, below to; the
// n-1 others are deltas of at least 1 that add up to less than r, so fewer
// than r/36^k of them have more than k digits.
func postingsLen(n int32, r, to int) int {
	size := base36Len(int32(to)) + 2*(int(n)-1)
	for p := 36; p <= r; p *= 36 {
		size += min(int(n)-1, r/p)
	}
	return size
}

// table holds the postings of the tokens of a range of documents. The
// key tables give a token's number: a token already seen costs one
// look-up. Most tokens fit in a uint64 (CJK pairs by cjkKey, words of up
// to 8 bytes by shortKey), and a table keyed by an integer costs a
// fraction of a map keyed by a string: hashing and comparing strings were
// most of the index's CPU.
//
// A token's postings are a chain of blocks in an arena of fixed-size
// chunks, each block twice the size of the one before (up to maxBlock),
// with the place of the next block in its last slot. A slice per token,
// grown by append, allocated several times what the index holds; counting the
// postings first, to lay them out in one array, needs a list of them as
// long as that array beside it, and the build's peak memory is here. The
// arena is never copied, and holds little more than the postings.
type table struct {
	cjk   *keyTable        // CJK tokens, by cjkKey
	short *keyTable        // words of up to 8 bytes, by shortKey
	long  map[string]int32 // longer words
	arena [][]int32        // chunks of chunkLen
	used  int              // slots used in the last chunk
	toks  []tok            // by token number
	doc   int32            // the document being added
	buf   []byte           // eachTerm's
	fn    func(word []byte, cjk uint64)
	nt    func() int32 // newTerm
}

// tok is where a token's postings are. What posting a token touches is in
// one struct, in one line of the CPU's cache: five arrays were five lines.
type tok struct {
	// last is the last document posted. A document's tokens come in a
	// row, so "already posted for this document" is "the last posting is
	// this document": no set per document.
	last  int32
	count int32 // postings
	head  int32 // where the first block starts
	next  int32 // where the next posting goes
	end   int32 // the end of the last block: the slot of the next one's place
}

// chunkLen is the length of the arena's chunks (256 KB), and maxBlock the
// largest block: a block ends a chunk's room at most, and a long list of
// postings takes a slot in maxBlock+1 for the chain.
const chunkLen, maxBlock = 1 << 16, 256

func newTable() *table {
	t := &table{cjk: newKeyTable(), short: newKeyTable(), long: map[string]int32{}}
	t.fn, t.nt = t.post, t.newTerm // bound once, not per token
	return t
}

// add posts the tokens of s for t.doc, and says whether s is plain (needs
// no JSON escaping).
func (t *table) add(s string) (plain bool) {
	t.buf, plain = eachTerm(s, t.buf, t.fn)
	return plain
}

// post posts a token for t.doc.
func (t *table) post(word []byte, cjk uint64) {
	var i int32
	switch {
	case cjk != 0:
		i = t.cjk.termOf(cjk, t.nt)
	case len(word) <= 8:
		i = t.short.termOf(shortKey(word), t.nt)
	default:
		var ok bool
		if i, ok = t.long[string(word)]; !ok {
			i = t.newTerm()
			t.long[string(word)] = i
		}
	}
	k := &t.toks[i]
	if k.last == t.doc {
		return
	}
	k.last = t.doc
	if k.next == k.end {
		t.block(k)
	}
	p := k.next
	t.arena[p/chunkLen][p%chunkLen] = t.doc
	k.next = p + 1
	k.count++
}

// blockLen is the length of the block that follows a token's first n
// postings: 4, 8, 16 and so on, to maxBlock.
func blockLen(n int32) int32 { return min(n+4, maxBlock) }

// block starts a new block of k's postings.
func (t *table) block(k *tok) {
	n := blockLen(k.count)
	if len(t.arena) == 0 || t.used+int(n)+1 > chunkLen {
		t.arena, t.used = append(t.arena, make([]int32, chunkLen)), 0
	}
	p := int32((len(t.arena)-1)*chunkLen + t.used)
	t.used += int(n) + 1
	if k.count == 0 {
		k.head = p
	} else {
		t.arena[k.end/chunkLen][k.end%chunkLen] = p
	}
	k.next, k.end = p, p+n
}

func (t *table) newTerm() int32 {
	// No document yet; next == end: the first posting starts a block.
	t.toks = append(t.toks, tok{last: -1})
	return int32(len(t.toks) - 1)
}

// postings yields the postings of token i, in order, a block at a time.
func (t *table) postings(i int32) iter.Seq[[]int32] {
	return func(yield func([]int32) bool) {
		p, done, count := t.toks[i].head, int32(0), t.toks[i].count
		for done < count {
			n := blockLen(done)
			c := t.arena[p/chunkLen][p%chunkLen:]
			k := min(n, count-done)
			if !yield(c[:k]) {
				return
			}
			done += k
			p = c[n] // the next block's place; read only if there is one
		}
	}
}

// shortKey packs a word of up to 8 bytes into a uint64, its first byte
// lowest. Words have no zero bytes, so the padding tells the length.
func shortKey(w []byte) uint64 {
	var k uint64
	for j, c := range w {
		k |= uint64(c) << (8 * j)
	}
	return k
}

// shortWord is the word of shortKey k.
func shortWord(k uint64) string {
	var b [8]byte
	n := 0
	for ; k != 0; k >>= 8 {
		b[n] = byte(k)
		n++
	}
	return string(b[:n])
}

// term is a token of the index.
type term struct {
	text  string
	plain bool  // needs no JSON escaping
	id    int32 // its number in the table
	size  int32 // a bound of its length in the index, with a comma
}

// terms lists t's tokens, sorted as strings. The
// strings of the tokens keyed by integers are made here, once each.
func (t *table) terms() []term {
	out := make([]term, 0, len(t.toks))
	for k, i := range t.cjk.all() {
		out = append(out, term{text: cjkTerm(k), id: i})
	}
	for k, i := range t.short.all() {
		out = append(out, term{text: shortWord(k), id: i})
	}
	for w, i := range t.long {
		out = append(out, term{text: w, id: i})
	}
	slices.SortFunc(out, func(a, b term) int { return strings.Compare(a.text, b.text) })
	return out
}
