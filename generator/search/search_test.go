package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"汇率风险", []string{"汇率", "率风", "风险"}},
		{"FOB 离岸价", []string{"fob", "离岸", "岸价"}},
		{"L/C 信用证", []string{"l", "c", "信用", "用证"}},
		{"T/T电汇", []string{"t", "t", "电汇"}},
		{"报", []string{"报"}},
		{"Letter-of-Credit2026", []string{"letter", "of", "credit2026"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBuild_postings(t *testing.T) {
	idx := Build([]Doc{
		{Kind: "term", Title: "信用证", URL: "glossary.html#a", Text: "L/C Letter of Credit"},
		{Kind: "policy", Title: "风险管理制度", URL: "policies/risk.html", Text: "汇率风险与信用证风险"},
	})
	js := string(idx.JS)
	for _, want := range []string{`"信用":"0,1"`, `"汇率":"1"`, `"letter":"0"`, `window.ACCORD_SEARCH=`} {
		if !strings.Contains(js, want) {
			t.Errorf("index lacks %s:\n%s", want, js)
		}
	}
}

func TestSections(t *testing.T) {
	got := Sections([]byte(`<p>intro &amp; more</p><h2 id="汇率风险">汇率 <em>风险</em></h2><p>text</p><svg><text>no</text></svg><h3 id="b">B</h3>`))
	want := []Section{{"", "", "intro & more"}, {"汇率风险", "汇率 风险", "text"}, {"b", "B", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sections = %#v", got)
	}
}

func TestReadingUnits(t *testing.T) {
	c, w := ReadingUnits("信用证 is a Letter of Credit 信用")
	if c != 5 || w != 5 {
		t.Errorf("got %d chars, %d words", c, w)
	}
}

// TestJSONLen: the index buffer is sized from jsonLen, and a string whose
// jsonLen is its length plus the quotes is written unescaped: both must
// agree with encoding/json for every kind of character it escapes.
func TestJSONLen(t *testing.T) {
	tests := []string{"", "plain", "外贸 业务员", "a\"b\\c", "<script>&</script>", "\u2028\u2029", "bad\xffutf8", "…",
		"\xe4\xbf", "信\xe4\xbf\u2028x\x00\x1f\x7f", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\ufffd"}
	for c := range 0x80 {
		tests = append(tests, "x"+string(rune(c))+"y")
	}
	for _, s := range tests {
		want, _ := json.Marshal(s)
		if got := jsonLen(s); got != len(want) {
			t.Errorf("jsonLen(%q) = %d, encoding/json writes %d: %s", s, got, len(want), want)
		}
		if b := appendJSONString(nil, s, jsonLen(s) == len(s)+2); string(b) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, b, want)
		}
	}
}

// TestPostingsLen: the bound of the postings of a range of documents
// holds for lists sparse and dense, with a first delta from 0.
func TestPostingsLen(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for range 2000 {
		from := r.IntN(100000)
		n := 1 + r.IntN(3000)
		to := from + n + r.IntN(50000)
		var docs []int32
		for d := from; d < to; d++ {
			if r.IntN(to-from) < n {
				docs = append(docs, int32(d))
			}
		}
		if len(docs) == 0 {
			continue
		}
		var b []byte
		prev := int32(0)
		for i, d := range docs {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendBase36(b, d-prev)
			prev = d
		}
		if bound := postingsLen(int32(len(docs)), to-from, to); len(b) > bound {
			t.Fatalf("%d postings in [%d, %d): %d bytes, bound %d", len(docs), from, to, len(b), bound)
		}
	}
}

func TestAppendBase36(t *testing.T) {
	for _, n := range []int32{0, 1, 35, 36, 37, 1295, 1296, 46655, 46656, 1<<31 - 1} {
		if got, want := string(appendBase36([]byte("x"), n)), "x"+strconv.FormatInt(int64(n), 36); got != want {
			t.Errorf("appendBase36(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestBuild_sizedExactly: the estimate covers the whole index, so its
// buffer never doubles.
func TestBuild_sizedExactly(t *testing.T) {
	// Large enough that the allocation is not rounded up to a size class.
	var docs []Doc
	for i := range 500 {
		docs = append(docs,
			Doc{Kind: "page", Title: fmt.Sprintf(`"Quoted" <b> & co %d`, i), URL: fmt.Sprintf("pages/%d.html", i), Text: "外贸业务员 handles \"quotes\" & <tags>\x01 at 100% " + strconv.Itoa(i)},
			Doc{Kind: "section", Title: "二", URL: fmt.Sprintf("pages/%d.html#x", i), Text: strings.Repeat("word ", 100) + strconv.Itoa(i*7)})
	}
	idx := Build(docs)
	if cap(idx.JS) != len(idx.JS) && cap(idx.JS) > len(idx.JS)+len(idx.JS)/8 {
		t.Errorf("index of %d bytes in a buffer of %d: the estimate fell short", len(idx.JS), cap(idx.JS))
	}
}
