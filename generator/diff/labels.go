package diff

import "strings"

// labels are the words the writers use around the handbook's own text,
// per language. English is the fallback for a language without a table
// and for a key a table lacks.
var labels = map[string]map[string]string{
	"en": {
		"title": "What changed", "nochange": "No changes.", "from": "from", "to": "to",
		"handbook": "Handbook", "teams": "Teams", "roles": "Roles", "workflows": "Workflows",
		"raci": "RACI cells", "responsibilities": "Responsibilities gained and lost",
		"policies": "Policies", "pages": "Pages", "glossary": "Glossary", "assets": "Assets",
		"added": "added", "removed": "removed", "changed": "changed",
		"step": "step", "kpi": "KPI",
		"workflow": "workflow", "role": "role", "field": "field", "old": "old", "new": "new",
		"gained": "gained", "lost": "lost", "on": "on", "none": "—",
		"renamed": "renamed", "reordered": "order changed", "steps_reordered": "step order changed",
		"title_field": "title", "version": "version", "effective_date": "effective date",
		"language": "language", "description": "description", "name": "name", "kind": "kind",
		"team": "team", "reports_to": "reports to", "summary": "summary", "duties": "duties",
		"goals": "goals", "onboarding": "onboarding", "kpis": "KPIs", "owner": "owner",
		"trigger": "trigger", "duration": "duration", "next": "next", "outputs": "outputs",
		"approval":   "approval",
		"applies_to": "applies to", "review_cycle": "review cycle", "weight": "weight",
		"target": "target", "definition": "definition", "aliases": "aliases",
		"id": "id", "path": "path", "approver": "approver", "reviewed": "last review", "draft": "draft",
		"long_description": "description", "text": "text", "letters": "letters",
		"para": "paragraph %d", "para_at": "paragraph %d, line %d",
		"old_para": "old paragraph %d", "old_para_at": "old paragraph %d, line %d",
		"for_role": "for the role %s",
	},
	"zh-CN": {
		"title": "变更对比", "nochange": "没有变化。", "from": "从", "to": "到",
		"handbook": "手册", "teams": "团队", "roles": "岗位", "workflows": "流程",
		"raci": "RACI 变更", "responsibilities": "职责增减",
		"policies": "制度", "pages": "页面", "glossary": "术语表", "assets": "附件",
		"added": "新增", "removed": "删除", "changed": "修改",
		"step": "步骤", "kpi": "KPI",
		"workflow": "流程", "role": "岗位", "field": "字段", "old": "原", "new": "新",
		"gained": "新增", "lost": "不再承担", "on": "于", "none": "—",
		"renamed": "更名", "reordered": "顺序调整", "steps_reordered": "步骤顺序调整",
		"title_field": "标题", "version": "版本", "effective_date": "生效日期",
		"language": "语言", "description": "描述", "name": "名称", "kind": "类型",
		"team": "所属团队", "reports_to": "汇报对象", "summary": "摘要", "duties": "职责",
		"goals": "目标", "onboarding": "入职阅读", "kpis": "KPI", "owner": "负责人",
		"trigger": "触发条件", "duration": "时长", "next": "下一步", "outputs": "输出",
		"approval":   "审批步骤",
		"applies_to": "适用岗位", "review_cycle": "评审周期", "weight": "权重",
		"target": "目标值", "definition": "定义", "aliases": "别名",
		"id": "编号", "path": "路径", "approver": "批准人", "reviewed": "上次评审", "draft": "草稿",
		"long_description": "岗位说明", "text": "正文", "letters": "职责",
		"para": "第 %d 段", "para_at": "第 %d 段，第 %d 行",
		"old_para": "原第 %d 段", "old_para_at": "原第 %d 段，第 %d 行",
		"for_role": "与岗位%s相关",
	},
}

// Label returns the word for key in the handbook's language ("zh-CN",
// "zh", "en", …), for renderers that show a ChangeSet in their own way.
func Label(lang, key string) string {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		if s, ok := labels["zh-CN"][key]; ok {
			return s
		}
	}
	if s, ok := labels["en"][key]; ok {
		return s
	}
	return key
}

// fieldLabel names a field of a FieldChange or ListChange. "title" is the
// one field name that is also a heading key, hence its own key.
func fieldLabel(lang, field string) string {
	if field == "title" {
		return Label(lang, "title_field")
	}
	return Label(lang, field)
}
