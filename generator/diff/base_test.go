package diff

import (
	"maps"
	"testing"
	"testing/fstest"

	"github.com/accord-handbook/accord/generator/load"
	"github.com/accord-handbook/accord/generator/model"
)

// files is a handbook's sources by path.
type files map[string]string

// base is a small English handbook every golden case starts from.
func base() files {
	return files{
		"handbook.toml": `title = "Export Agreement"
language = "en"
version = "1.0"
effective_date = 2026-01-01
`,
		"teams.toml": `[[team]]
id = "trade"
name = "Trade"
kind = "internal"
description = "Sells and ships."

[[team]]
id = "finance"
name = "Finance"
kind = "internal"
`,
		"roles/manager.toml": `name = "Manager"
team = "trade"
summary = "Runs the department."
duties = ["Approve quotes", "Set targets"]
goals = ["Grow sales"]
onboarding = ["policies/quotes", "workflows/order"]

[[kpi]]
name = "Sales"
target = ">= 100%"
weight = 100
`,
		"roles/rep.toml": `name = "Sales Rep"
team = "trade"
reports_to = "manager"
summary = "Wins and keeps customers."
duties = ["Answer inquiries", "Quote prices", "Collect payment"]
goals = ["Reply within 24 hours"]
onboarding = ["policies/quotes", "workflows/order", "pages/faq"]

[[kpi]]
name = "Margin"
target = ">= 18%"
weight = 60

[[kpi]]
name = "Reply rate"
target = ">= 98%"
weight = 40
`,
		"roles/rep.md": "# Sales Rep\n\nThe sales rep owns the customer from the first inquiry to the last payment.\n\nThey work closely with the clerk.\n",
		"roles/clerk.toml": `name = "Clerk"
team = "finance"
reports_to = "manager"
summary = "Keeps the documents straight."
duties = ["Check letters of credit"]
`,
		"workflows/order.toml": `name = "Order"
owner = "manager"
trigger = "An inquiry arrives."
summary = "From inquiry to payment."

[[step]]
id = "inquiry"
name = "Inquiry"
responsible = ["rep"]
accountable = "rep"
informed = ["manager"]
next = ["quote"]
outputs = ["CRM record"]
duration = "24h"

[[step]]
id = "quote"
name = "Quote"
responsible = ["rep"]
accountable = "manager"
consulted = ["clerk"]
next = ["payment"]
outputs = ["Quote sheet"]
duration = "48h"

[[step]]
id = "payment"
name = "Payment"
responsible = ["clerk"]
accountable = "rep"
outputs = ["Bank slip"]
`,
		"policies/quotes.md": `+++
title = "Quotes"
owner = "manager"
applies_to = ["rep", "manager"]
review_cycle = "annual"
effective_date = 2026-01-01
+++

# Quotes

Every quote is costed with the costing sheet before it is sent.

Quotes below a margin of 18% need the manager's approval in writing.

- valid for 15 days
- in US dollars
`,
		"pages/faq.md": "+++\ntitle = \"FAQ\"\n+++\n\n# FAQ\n\nAsk your manager.\n",
		"glossary.toml": `[[term]]
term = "FOB"
definition = "Free on board."
aliases = ["Free On Board"]

[[term]]
term = "CIF"
definition = "Cost, insurance and freight."
`,
	}
}

// loadFiles loads sources the way accord does and fails the test on any
// load error: the golden cases must be valid handbooks.
func loadFiles(t testing.TB, name string, f files) *model.Handbook {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, text := range f {
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	h, diags := load.Load(fsys, name)
	if diags.HasErrors() {
		t.Fatalf("%s does not load:\n%v", name, diags.Err())
	}
	return h
}

// versions returns the base sources twice, edited by edit.
func versions(edit func(old, new files)) (files, files) {
	old, new := base(), base()
	edit(old, new)
	return old, new
}

func clone(f files) files { return maps.Clone(f) }
