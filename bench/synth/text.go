package synth

import (
	"fmt"
	"path"
	"strings"
)

// fill replaces the placeholders of a sentence template.
func (g *gen) fill(t string) string {
	r := pickOf(g, g.internal)
	d, tk := pickOf(g, docs), pickOf(g, tasks)
	return strings.NewReplacer(
		"{role}", r.name.zh, "{roleEn}", strings.ToLower(r.name.en),
		"{doc}", d.zh, "{docEn}", d.en, "{task}", tk.zh, "{taskEn}", tk.en,
		"{n}", fmt.Sprint(1+g.pick(10)), "{term}", pickOf(g, terms),
		"{port}", pickOf(g, ports), "{portEn}", pickOf(g, portsEn),
	).Replace(t)
}

func (g *gen) paragraph(zh bool) string {
	var parts []string
	if zh {
		for range 3 + g.pick(3) {
			parts = append(parts, g.emphasize(g.fill(pickOf(g, zhSentences))))
		}
		return strings.Join(parts, "")
	}
	for range 2 + g.pick(3) {
		parts = append(parts, g.emphasize(g.fill(pickOf(g, enSentences))))
	}
	return strings.Join(parts, " ")
}

func (g *gen) emphasize(s string) string {
	switch g.pick(10) {
	case 0:
		return "**" + s + "**"
	case 1:
		return s + fmt.Sprintf(" 参见 `ORD-%05d`。", g.pick(100000))
	}
	return s
}

func (g *gen) bullets() string {
	var items []string
	for range 3 + g.pick(4) {
		if g.pick(2) == 0 {
			items = append(items, "- "+g.fill("核对{doc}的品名、数量与金额，并在 ERP 中{task}"))
		} else {
			items = append(items, "- "+g.fill("Check that the {docEn} matches the order, then {taskEn}"))
		}
	}
	return strings.Join(items, "\n")
}

func (g *gen) raciTable() string {
	roles := g.sample(g.internal, 4)
	var b strings.Builder
	b.WriteString("| 任务 Task |")
	for _, id := range roles {
		b.WriteString(" " + id + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(roles)) + "\n")
	for range 3 + g.pick(3) {
		b.WriteString("| " + pickOf(g, tasks).zh + " |")
		letters := []string{"R", "A", "C", "I"}
		for i := range roles {
			b.WriteString(" " + letters[(i+g.pick(4))%4] + " |")
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (g *gen) codeBlock() string {
	return fmt.Sprintf("```toml\n[order]\nid = \"ORD-%05d\"\nincoterm = \"%s\"\namount = %d.%02d\n```", g.pick(100000), pickOf(g, terms), 1000+g.pick(90000), g.pick(100))
}

func (g *gen) dotBlock(n int) string {
	return fmt.Sprintf("```dot\ndigraph flow%d {\n  询盘 -> 报价 -> \"形式发票\";\n  \"形式发票\" -> 定金 -> 生产;\n  生产 -> 验货 -> 出运;\n}\n```", n)
}

// rel writes the source path to as a link from the source file from.
func rel(from, to string) string {
	a := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		a = nil
	}
	b := strings.Split(to, "/")
	i := 0
	for i < len(a) && i < len(b)-1 && a[i] == b[i] {
		i++
	}
	return strings.Repeat("../", len(a)-i) + strings.Join(b[i:], "/")
}

// link is a Markdown link from the file from to a random source.
func (g *gen) link(from string) string {
	switch g.pick(6) {
	case 0, 1:
		id := pickOf(g, g.policies)
		return fmt.Sprintf("[%s](%s)", g.titles["policies/"+id], rel(from, "policies/"+id+".md"))
	case 2, 3:
		p := pickOf(g, g.pages)
		return fmt.Sprintf("[%s](%s)", g.titles["pages/"+p], rel(from, "pages/"+p+".md"))
	case 4:
		i := g.pick(len(g.wfNames))
		return fmt.Sprintf("[%s](%s)", g.wfNames[i], rel(from, fmt.Sprintf("workflows/%s.toml", wfID(i))))
	}
	r := pickOf(g, g.roles)
	return fmt.Sprintf("[%s](%s)", r.name.zh, rel(from, "roles/"+r.id+".toml"))
}

// body is a Markdown document of about target bytes, for the source from:
// headings, a list, a RACI table, links that resolve, a code block, and
// on request a ```dot block and an image.
func (g *gen) body(from string, target int, dot int, image bool) string {
	topic := pickOf(g, topics)
	slots := make([][]string, 6)
	for k := range slots {
		slots[k] = []string{g.paragraph(k%2 == 0)}
	}
	links := fmt.Sprintf("详见%s和%s；See also %s for the %s checklist, and [the appendix](#appendix).",
		g.link(from), g.link(from), g.link(from), strings.ToLower(topic.en))
	list, table, code := g.bullets(), g.raciTable(), g.codeBlock()
	extra := ""
	if dot > 0 {
		extra += "\n\n" + g.dotBlock(dot)
	}
	if image {
		extra += "\n\n" + fmt.Sprintf("![流程示意 flow](%s)", rel(from, "assets/flow.svg"))
	}
	assemble := func() string {
		var b strings.Builder
		b.WriteString(strings.Join(slots[0], "\n\n"))
		b.WriteString("\n\n## 1. 概述 Overview\n\n" + strings.Join(slots[1], "\n\n") + "\n\n" + list)
		b.WriteString("\n\n### 1.1 职责分工 RACI\n\n" + strings.Join(slots[2], "\n\n") + "\n\n" + table)
		fmt.Fprintf(&b, "\n\n## 2. %s操作步骤 %s procedure\n\n%s\n\n%s\n\n%s%s", topic.zh, topic.en, strings.Join(slots[3], "\n\n"), links, code, extra)
		b.WriteString("\n\n### 2.1 注意事项 Notes\n\n" + strings.Join(slots[4], "\n\n"))
		b.WriteString("\n\n## 3. 附录 Appendix {#appendix}\n\n" + strings.Join(slots[5], "\n\n") + "\n")
		return b.String()
	}
	s := assemble()
	for len(s) < target {
		k := g.pick(len(slots))
		slots[k] = append(slots[k], g.paragraph(g.pick(100) < 55))
		s = assemble()
	}
	return s
}
