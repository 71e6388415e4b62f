package search

import (
	"reflect"
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
