package i18n

// Interface strings of versioned sites: the version switcher, the banner of
// earlier versions, the versions page and the "what changed" pages. Strings
// merges them with the others, so that [labels] can override them like any
// other string.
var versionMessages = map[string]map[string]string{
	"en": {
		"versions": "Versions", "allVersions": "All versions", "currentVersion": "current",
		"versionsIntro":    "Every published version of the agreement. Each one is kept complete; the current one is at the top.",
		"whatChanged":      "What changed",
		"changesTitle":     "What changed in version %s",
		"oldVersionBanner": "You are reading version %s; the current version is %s.",
		"toCurrentVersion": "Go to version",
		"changedInVersion": "Changed in version %s.",
		"seeWhatChanged":   "See what changed",
		"roleHistory":      "History of this role",
	},
	"zh-CN": {
		"versions": "历史版本", "allVersions": "全部版本", "currentVersion": "现行版本",
		"versionsIntro":    "协议已发布的全部版本，每个版本完整保留；最上面是现行版本。",
		"whatChanged":      "变更内容",
		"changesTitle":     "%s 版的变更内容",
		"oldVersionBanner": "你正在阅读 %s 版；现行版本是 %s 版。",
		"toCurrentVersion": "前往版本",
		"changedInVersion": "本页内容在 %s 版中有变更。",
		"seeWhatChanged":   "查看变更",
		"roleHistory":      "本岗位的变更历史",
	},
}
