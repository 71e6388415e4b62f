package diff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// edit replaces text in one source, failing loudly when the text is not
// there: a case whose edit silently did nothing would test nothing.
func edit(f files, path, old, new string) {
	if !strings.Contains(f[path], old) {
		panic(path + " does not contain " + old)
	}
	f[path] = strings.Replace(f[path], old, new, 1)
}

// goldenCases are one kind of change each; every case is written in
// every format and compared with testdata/golden/<name>.txtar.
var goldenCases = []struct {
	name string
	edit func(old, new files)
}{
	{"nothing", func(old, new files) {
		// Comments, blank lines, key order and re-wrapped text are no changes.
		new["handbook.toml"] = "# the agreement\nversion = \"1.0\"\ntitle = \"Export Agreement\"\n\nlanguage = \"en\"\neffective_date = 2026-01-01 # reviewed\n"
		edit(new, "roles/rep.md", "from the first inquiry to", "from the first inquiry\n   to")
		edit(new, "policies/quotes.md", "Every quote is costed", "Every  quote is\ncosted")
	}},
	{"handbook", func(old, new files) {
		edit(new, "handbook.toml", `version = "1.0"`, `version = "1.1"`)
		edit(new, "handbook.toml", "2026-01-01", "2026-07-01")
		edit(new, "handbook.toml", "Export Agreement", "Export Collaboration Agreement")
	}},
	{"teams", func(old, new files) {
		edit(new, "teams.toml", "Sells and ships.", "Sells, ships and collects.")
		edit(new, "teams.toml", "id = \"finance\"\nname = \"Finance\"", "id = \"finance\"\nname = \"Finance and Tax\"")
		new["teams.toml"] += "\n[[team]]\nid = \"forwarder\"\nname = \"Forwarder\"\nkind = \"external\"\n"
		old["teams.toml"] += "\n[[team]]\nid = \"qc\"\nname = \"Quality\"\nkind = \"internal\"\n"
	}},
	{"role-fields", func(old, new files) {
		edit(new, "roles/clerk.toml", `name = "Clerk"`, `name = "Documentation Clerk"`)
		edit(new, "roles/clerk.toml", `team = "finance"`, `team = "trade"`)
		edit(new, "roles/rep.toml", `reports_to = "manager"`, `reports_to = "clerk"`)
		edit(new, "roles/rep.toml", "Wins and keeps customers.", "Wins customers, keeps them and collects every payment on time.")
		edit(old, "roles/rep.toml", "Wins and keeps customers.", "Wins customers and keeps them for the long run, one order at a time.")
	}},
	{"role-lists", func(old, new files) {
		edit(new, "roles/rep.toml", `"Quote prices", `, `"Quote prices within authority", `)
		edit(new, "roles/rep.toml", `goals = ["Reply within 24 hours"]`, `goals = ["Reply within 24 hours", "Five new customers a year"]`)
		edit(new, "roles/rep.toml", `onboarding = ["policies/quotes", "workflows/order", "pages/faq"]`, `onboarding = ["workflows/order", "policies/quotes", "pages/faq"]`)
	}},
	{"role-kpis", func(old, new files) {
		edit(new, "roles/rep.toml", `target = ">= 18%"`, `target = ">= 20%"`)
		edit(new, "roles/rep.toml", "weight = 60", "weight = 50")
		edit(new, "roles/rep.toml", "name = \"Reply rate\"\ntarget = \">= 98%\"\nweight = 40", "name = \"New customers\"\ntarget = \">= 5\"\nweight = 50")
	}},
	{"role-description", func(old, new files) {
		edit(new, "roles/rep.md", "from the first inquiry to the last payment", "from the first inquiry to the final payment")
		edit(new, "roles/rep.md", "They work closely with the clerk.\n", "They work closely with the clerk.\n\nThey report to the manager every Monday.\n")
		edit(new, "roles/rep.md", "# Sales Rep\n\n", "")
	}},
	{"roles-added-removed", func(old, new files) {
		new["roles/merchandiser.toml"] = "name = \"Merchandiser\"\nteam = \"trade\"\nreports_to = \"manager\"\n"
		old["roles/buyer.toml"] = "name = \"Buyer\"\nteam = \"finance\"\n"
	}},
	{"workflow-fields", func(old, new files) {
		edit(new, "workflows/order.toml", `name = "Order"`, `name = "Order fulfilment"`)
		edit(new, "workflows/order.toml", `owner = "manager"`, `owner = "rep"`)
		edit(new, "workflows/order.toml", "An inquiry arrives.", "An inquiry arrives by mail or at a fair.")
		edit(new, "workflows/order.toml", "From inquiry to payment.", "From the first inquiry to the last payment, with approval of low-margin quotes.")
	}},
	{"steps", func(old, new files) {
		edit(new, "workflows/order.toml", `name = "Quote"`, `name = "Costing and quote"`)
		edit(new, "workflows/order.toml", `next = ["payment"]`, `next = ["inquiry", "shipping"]`)
		edit(new, "workflows/order.toml", `outputs = ["Quote sheet"]`, `outputs = ["Quote sheet", "Costing sheet"]`)
		edit(new, "workflows/order.toml", `duration = "48h"`, `duration = "72h"`)
		new["workflows/order.toml"] += "\n[[step]]\nid = \"shipping\"\nname = \"Shipping\"\nresponsible = [\"clerk\"]\naccountable = \"clerk\"\nnext = [\"payment\"]\nduration = \"120h\"\n"
	}},
	{"steps-reordered-removed", func(old, new files) {
		wf := old["workflows/order.toml"]
		i := strings.Index(wf, "[[step]]\nid = \"quote\"")
		j := strings.Index(wf, "[[step]]\nid = \"payment\"")
		// new: payment before quote; inquiry removed.
		head := wf[:strings.Index(wf, "[[step]]")]
		new["workflows/order.toml"] = head + wf[j:] + "\n" + wf[i:j]
	}},
	{"raci", func(old, new files) {
		edit(new, "workflows/order.toml", "responsible = [\"rep\"]\naccountable = \"manager\"\nconsulted = [\"clerk\"]",
			"responsible = [\"rep\", \"clerk\"]\naccountable = \"rep\"\ninformed = [\"manager\"]")
		edit(new, "workflows/order.toml", "responsible = [\"clerk\"]\naccountable = \"rep\"", "responsible = [\"rep\"]\naccountable = \"rep\"\nconsulted = [\"clerk\"]")
	}},
	{"workflows-added-removed", func(old, new files) {
		new["workflows/refund.toml"] = "name = \"Tax refund\"\nowner = \"clerk\"\n\n[[step]]\nid = \"file\"\nname = \"File the refund\"\nresponsible = [\"clerk\"]\naccountable = \"manager\"\n"
		old["workflows/audit.toml"] = "name = \"Audit\"\nowner = \"manager\"\n\n[[step]]\nid = \"check\"\nname = \"Check\"\nresponsible = [\"manager\"]\naccountable = \"manager\"\ninformed = [\"rep\"]\n"
	}},
	{"policy-meta", func(old, new files) {
		edit(new, "policies/quotes.md", `title = "Quotes"`, `title = "Quotations"`)
		edit(new, "policies/quotes.md", `owner = "manager"`, `owner = "rep"`)
		edit(new, "policies/quotes.md", `applies_to = ["rep", "manager"]`, `applies_to = "*"`)
		edit(new, "policies/quotes.md", `review_cycle = "annual"`, `review_cycle = "quarterly"`)
		edit(new, "policies/quotes.md", "effective_date = 2026-01-01", "effective_date = 2026-07-01")
	}},
	{"policy-text", func(old, new files) {
		edit(new, "policies/quotes.md", "Quotes below a margin of 18% need the manager's approval in writing.",
			"Quotes below a margin of 15% need the approval of the manager, by email.")
		edit(new, "policies/quotes.md", "- in US dollars\n", "- in US dollars or euros\n- signed by the rep\n")
		edit(new, "policies/quotes.md", "# Quotes\n\n", "# Quotes\n\nThis policy applies from July.\n\n")
	}},
	{"renamed", func(old, new files) {
		// A review renames a role, a workflow and a policy: each is one
		// document changed and renamed (its aliases name the old id), with
		// the RACI cells that follow the ids unchanged, not one removed
		// and another added.
		new["roles/account-rep.toml"] = "aliases = [\"rep\"]\n" + new["roles/rep.toml"]
		new["roles/account-rep.md"] = new["roles/rep.md"]
		delete(new, "roles/rep.toml")
		delete(new, "roles/rep.md")
		for name, text := range new {
			new[name] = strings.ReplaceAll(strings.ReplaceAll(text, `"rep"`, `"account-rep"`), `"policies/quotes"`, `"policies/quoting"`)
		}
		new["roles/account-rep.toml"] = strings.Replace(new["roles/account-rep.toml"], `aliases = ["account-rep"]`, `aliases = ["rep"]`, 1)
		new["policies/quoting.md"] = strings.Replace(new["policies/quotes.md"], "+++\n", "+++\naliases = [\"quotes\"]\n", 1)
		delete(new, "policies/quotes.md")
		edit(new, "policies/quoting.md", "Every quote is costed", "Every quote is fully costed")
	}},
	{"policy-list-item", func(old, new files) {
		// An item inserted in a list is one inserted item, not words
		// spread over its neighbours; a changed item marks its words.
		edit(new, "policies/quotes.md", "- valid for 15 days\n", "- valid for 15 days\n- checked by the manager before it is sent\n")
		edit(new, "policies/quotes.md", "- in US dollars\n", "- in US dollars or euros\n")
	}},
	{"policy-text-zh", func(old, new files) {
		edit(old, "handbook.toml", `language = "en"`, `language = "zh-CN"`)
		edit(new, "handbook.toml", `language = "en"`, `language = "zh-CN"`)
		old["policies/risk.md"] = "+++\ntitle = \"风险管理\"\nowner = \"manager\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\n+++\n\n# 风险管理\n\n业务员在发货前核实定金到账，\n未收定金不得安排生产。\n\n信用证由单证员审核。\n"
		new["policies/risk.md"] = "+++\ntitle = \"风险管理\"\nowner = \"manager\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\n+++\n\n# 风险管理\n\n跟单员在安排生产前核实定金到账，未收定金一律不得安排生产。\n\n信用证由单证员审核。\n"
	}},
	{"policies-added-removed", func(old, new files) {
		new["policies/risk.md"] = "+++\ntitle = \"Risk\"\nowner = \"manager\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\n+++\nNo deposit, no production.\n"
		old["policies/travel.md"] = "+++\ntitle = \"Travel\"\nowner = \"manager\"\napplies_to = \"*\"\nreview_cycle = \"annual\"\n+++\nFly economy.\n"
	}},
	{"pages", func(old, new files) {
		edit(new, "pages/faq.md", `title = "FAQ"`, "title = \"Questions\"\nweight = 2")
		edit(new, "pages/faq.md", "Ask your manager.", "Ask your manager, or the clerk for documents.")
		new["pages/runbooks/lc.md"] = "+++\ntitle = \"L/C checklist\"\n+++\nCheck the dates.\n"
		old["pages/intro.md"] = "+++\ntitle = \"Introduction\"\n+++\nWelcome.\n"
	}},
	{"glossary", func(old, new files) {
		edit(new, "glossary.toml", "Free on board.", "Free on board: the seller delivers onto the ship.")
		edit(new, "glossary.toml", `aliases = ["Free On Board"]`, `aliases = ["Free On Board", "FOB Incoterm"]`)
		new["glossary.toml"] += "\n[[term]]\nterm = \"L/C\"\ndefinition = \"Letter of credit.\"\n"
		edit(new, "glossary.toml", "[[term]]\nterm = \"CIF\"\ndefinition = \"Cost, insurance and freight.\"\n", "")
	}},
	{"hostile-names", func(old, new files) {
		// Names that would retitle the window, erase and overwrite a line,
		// write the clipboard (OSC 52), start a CSI as one C1 character,
		// and reverse the text after them: every format shows them
		// escaped or encoded, never raw to a terminal.
		edit(new, "roles/clerk.toml", `name = "Clerk"`, `name = "Clerk\u001b]0;pwned\u0007\u001b[2K\r+ role boss"`)
		edit(new, "workflows/order.toml", `name = "Order"`, `name = "Order\u001b]52;c;cm0gLXJmIH4=\u0007\u009b31m"`)
		edit(new, "workflows/order.toml", "responsible = [\"clerk\"]\naccountable = \"rep\"", "responsible = [\"clerk\"]\naccountable = \"clerk\"")
		edit(new, "policies/quotes.md", "need the manager's approval in writing.", "need the manager's approval \u202egnitirw ni\u202c.\r\x1b[1A\x1b[2K")
		new["roles/spy.toml"] = "name = \"Spy\\u2067\\u007f\"\nteam = \"trade\"\n"
	}},
	{"assets", func(old, new files) {
		old["assets/logo.png"] = "png"
		new["assets/chart.svg"] = "<svg/>"
	}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			oldF, newF := versions(tc.edit)
			c := Compare(loadFiles(t, "old", oldF), loadFiles(t, "new", newF))
			c.Old.Name, c.New.Name = "v1", "v2"
			got := render(t, c)
			path := filepath.Join("testdata", "golden", tc.name+".txtar")
			if *update {
				if err := os.WriteFile(path, txtar.Format(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if len(want.Files) != len(got.Files) {
				t.Fatalf("%s has %d files, want %d", path, len(want.Files), len(got.Files))
			}
			for i, f := range got.Files {
				if w := want.Files[i]; w.Name != f.Name || !bytes.Equal(w.Data, f.Data) {
					t.Errorf("%s: %s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, f.Name, f.Data, w.Data)
				}
			}
		})
	}
}

// render writes c in every format into one archive. The HTML page is cut
// to its <body>: the head is the same fixed CSS for every case.
func render(t *testing.T, c *ChangeSet) *txtar.Archive {
	t.Helper()
	var text, color, md, js, page bytes.Buffer
	for _, err := range []error{Text(&text, c, false), Text(&color, c, true), Markdown(&md, c), JSON(&js, c), HTML(&page, c, "")} {
		if err != nil {
			t.Fatal(err)
		}
	}
	body := page.String()
	body = body[strings.Index(body, "<body>"):]
	return &txtar.Archive{
		Comment: []byte("Compare(old, new) of this case in every format; go test -update rewrites this file.\n"),
		Files: []txtar.File{
			{Name: "text", Data: text.Bytes()},
			{Name: "text-color", Data: []byte(strings.NewReplacer(red, "<red>", green, "<green>", bold, "<bold>", reset, "</>").Replace(color.String()))},
			{Name: "markdown", Data: md.Bytes()},
			{Name: "json", Data: js.Bytes()},
			{Name: "html", Data: []byte(body)},
		},
	}
}
