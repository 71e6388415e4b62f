package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestRefs_positions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Ref
	}{
		{
			// 11 Chinese characters (33 bytes) before the link: the destination is
			// at column 17, byte column 45.
			name: "chinese_before_link",
			src:  "详见外汇风险管理制度：[风险](../policies/risk.md#汇率风险)。\n",
			want: []Ref{{Dest: "../policies/risk.md#汇率风险", Line: 1, Col: 17}},
		},
		{
			name: "image_and_second_line",
			src:  "第一行\n流程图 ![流程](../assets/流程.png \"标题\") 和 [报价](quote.md)\n",
			want: []Ref{
				{Dest: "../assets/流程.png", Image: true, Line: 2, Col: 11},
				{Dest: "quote.md", Line: 2, Col: 41},
			},
		},
		{
			name: "angle_brackets_and_spaces",
			src:  "[a]( <b c.md> )",
			want: []Ref{{Dest: "b c.md", Line: 1, Col: 7}},
		},
		{
			name: "image_inside_link",
			src:  "[![logo](logo.png)](index.md)",
			want: []Ref{{Dest: "index.md", Line: 1, Col: 21}, {Dest: "logo.png", Image: true, Line: 1, Col: 10}},
		},
		{
			name: "reference_points_at_definition",
			src:  "见[制度][r]和[r]。\n\n[r]: <policies/制度.md>\n[unused]: x.md\n",
			want: []Ref{{Dest: "policies/制度.md", Line: 3, Col: 7}, {Dest: "policies/制度.md", Line: 3, Col: 7}},
		},
		{
			name: "undefined_reference_and_autolink_skipped",
			src:  "[nothing][missing] <https://example.com> www.example.com",
			want: []Ref{},
		},
		{
			name: "in_table_quote_and_list",
			src:  "| 角色 | 文件 |\n|---|---|\n| 单证 | [单证](docs.md) |\n\n> 引用 [q](q.md)\n\n- 列表\n  - [l](l.md)\n",
			want: []Ref{{Dest: "docs.md", Line: 3, Col: 13}, {Dest: "q.md", Line: 5, Col: 10}, {Dest: "l.md", Line: 8, Col: 9}},
		},
		{
			name: "footnote_in_source_order",
			src:  "a[^1] [b](b.md)\n\n[^1]: [n](n.md)\n\n[c](c.md)\n",
			want: []Ref{{Dest: "b.md", Line: 1, Col: 11}, {Dest: "n.md", Line: 3, Col: 11}, {Dest: "c.md", Line: 5, Col: 5}},
		},
		{
			name: "escaped_dest_located_as_written",
			src:  "[x](a\\_b.md)",
			want: []Ref{{Dest: "a_b.md", Line: 1, Col: 5}},
		},
		{
			name: "empty_dest",
			src:  "[x]()",
			want: []Ref{{Dest: "", Line: 1, Col: 5}},
		},
		{
			name: "crlf",
			src:  "a\r\n中文 [x](y.md)\r\n",
			want: []Ref{{Dest: "y.md", Line: 2, Col: 8}},
		},
	}
	r := New(Options{})
	cached := New(Options{}).WithCache(NewCache())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Refs([]byte(tt.src))
			// A build takes the refs from the page's own render, whose
			// resolver rewrites every destination: they must be the same.
			rewrite := Page{Refs: true, Resolve: func(d string, _ bool) (string, bool) { return "/x/" + d, true }}
			for i, rr := range []*Renderer{r, cached, cached} {
				res, err := rr.RenderPage([]byte(tt.src), rewrite)
				if err != nil {
					t.Fatal(err)
				}
				if (len(res.Refs) > 0 || len(got) > 0) && !reflect.DeepEqual(res.Refs, got) {
					t.Errorf("render %d: Result.Refs =\n  %+v\nScan\n  %+v", i, res.Refs, got)
				}
			}
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Refs =\n  %+v\nwant\n  %+v", got, tt.want)
			}
			// Every position must point at the destination's text when it is
			// written plainly, so an editor jump lands on it.
			lines := strings.Split(tt.src, "\n")
			for _, ref := range got {
				rest := string([]rune(lines[ref.Line-1])[ref.Col-1:])
				if ref.Dest != "" && !strings.HasPrefix(rest, ref.Dest) && !strings.Contains(rest, `\`) {
					t.Errorf("%+v points at %q", ref, rest)
				}
			}
		})
	}
}

func TestRefs_tooDeep(t *testing.T) {
	src := strings.Repeat(">", MaxNesting+1) + " [x](y.md)\n"
	if got := New(Options{}).Refs([]byte(src)); got != nil {
		t.Errorf("Refs on too-deep input = %v, want nil", got)
	}
}
