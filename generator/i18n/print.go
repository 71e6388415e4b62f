package i18n

// Interface strings of printed handbooks (accord pdf): the header and
// footer of every sheet. Like the others, [labels] overrides them.
var printMessages = map[string]map[string]string{
	"en": {
		// A printed copy is not updated when the agreement is: a reader
		// holding one must know how old it is.
		"uncontrolled": "Uncontrolled when printed — as of %s",
		"pageOf":       "Page %s of %s",
	},
	"zh-CN": {
		"uncontrolled": "打印件为非受控文件 — 截至 %s",
		"pageOf":       "第 %s 页，共 %s 页",
	},
}
