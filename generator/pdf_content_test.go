package generator_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/pdf"
	"github.com/accord-handbook/accord/internal/chrometest"
)

// poppler is what the PDF tests read PDFs with: poppler-utils.
type poppler struct{ text, fonts, info string }

func needPoppler(t *testing.T) poppler {
	chrometest.Path(t) // skips under -short, and without Chromium (fails under CI)
	return poppler{
		text:  chrometest.Tool(t, "pdftotext", "poppler-utils"),
		fonts: chrometest.Tool(t, "pdffonts", "poppler-utils"),
		info:  chrometest.Tool(t, "pdfinfo", "poppler-utils"),
	}
}

// printed is one PDF, written to a file, and what poppler reads from it.
type printed struct {
	data              []byte
	text, fonts, info string
	pages             int
}

func printPDF(t *testing.T, p poppler, opts generator.PDFOptions) printed {
	t.Helper()
	data, chk, err := generator.PDF(context.Background(), opts)
	if err != nil {
		if chk != nil {
			chk.Diags.Report(os.Stderr)
		}
		t.Fatalf("accord pdf %s --role %q --version %q: %v", opts.Dir, opts.Role, opts.Version, err)
	}
	file := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := printed{data: data, text: tool(t, p.text, file, "-"), fonts: tool(t, p.fonts, file), info: tool(t, p.info, file)}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(out.info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out.info)
	}
	out.pages, _ = strconv.Atoi(m[1])
	return out
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// checkCommon checks what every PDF of the shipped handbook has: text as
// text, every font embedded, the footer on every sheet, the title in the
// metadata, bookmarks, and nothing of the machine it was printed on.
func checkCommon(t *testing.T, p printed, title string, meta model.Meta) {
	t.Helper()
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(p.fonts), "\n")[2:] {
		rows++
		// name, type, encoding, then "emb sub uni object ID".
		f := strings.Fields(line)
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("a font not embedded: %s", line)
		}
	}
	if rows == 0 || !strings.Contains(p.fonts, "CID TrueType") {
		t.Errorf("no embedded TrueType font: is the text drawn as text?\n%s", p.fonts)
	}
	footer := "打印件为非受控文件 — 截至 2026-12-06"
	if n := strings.Count(p.text, footer); n != p.pages {
		t.Errorf("the footer %q is on %d of %d sheets", footer, n, p.pages)
	}
	if want := "第 1 页，共 " + strconv.Itoa(p.pages) + " 页"; !strings.Contains(p.text, want) {
		t.Errorf("no page number %q", want)
	}
	if head := meta.Title + " · 版本 " + meta.Version + " · 生效日期 " + meta.EffectiveDate.String(); !strings.Contains(p.text, head) {
		t.Errorf("no header with the title, version and effective date")
	}
	if !strings.Contains(p.info, "Title:           "+title+"\n") || !strings.Contains(p.info, "CreationDate:    Sun Dec  6 00:00:00 2026 UTC") {
		t.Errorf("metadata: want title %q, created on the as-of date:\n%s", title, p.info)
	}
	if !bytes.Contains(p.data, []byte("/Outlines")) {
		t.Errorf("no bookmarks (/Outlines)")
	}
	for _, leak := range []string{"127.0.0.1", "file://", os.TempDir() + "/"} {
		if bytes.Contains(p.data, []byte(leak)) {
			t.Errorf("the PDF holds %q", leak)
		}
	}
}

// bookmark is how a heading is written as a bookmark's title: UTF-16BE
// in hex, after a byte-order mark.
func bookmark(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return []byte("/Title <FEFF" + strings.ToUpper(hex.EncodeToString(b)) + ">")
}

var pdfAsOf = model.Date{Time: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}

// TestPDF_content prints the shipped (Chinese) handbook whole and one
// role's booklet, and reads them back with poppler.
func TestPDF_content(t *testing.T) {
	p := needPoppler(t)
	if err := pdf.CheckFonts(context.Background(), "zh-CN"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v (.ci/run installs fonts-wqy-microhei)", err)
		}
		t.Skipf("SKIPPING PDF TEST: %v", err)
	}
	whole := printPDF(t, p, generator.PDFOptions{Options: generator.Options{Dir: "../content", AsOf: pdfAsOf}})
	h := generator.Check(generator.Options{Dir: "../content", NoGraphs: true}).Handbook
	checkCommon(t, whole, h.Meta.Title, h.Meta)
	sections := len(h.Roles) + len(h.Workflows) + len(h.Policies) + len(h.Pages)
	if whole.pages < sections || whole.pages > 5*sections {
		t.Errorf("the whole handbook is %d sheets; with %d sections, one to a sheet at least, want %d to %d", whole.pages, sections, sections, 5*sections)
	}
	for _, r := range h.Roles {
		if !strings.Contains(whole.text, r.Name) {
			t.Errorf("role %s: its name %q is not in the text", r.ID, r.Name)
		}
		if !bytes.Contains(whole.data, bookmark(r.Name)) {
			t.Errorf("role %s: no bookmark %q", r.ID, r.Name)
		}
	}

	role := h.RoleByID["sales-rep"]
	booklet := printPDF(t, p, generator.PDFOptions{Options: generator.Options{Dir: "../content", AsOf: pdfAsOf}, Role: role.ID})
	name := "岗位手册：" + role.Name
	checkCommon(t, booklet, name+" · "+h.Meta.Title, h.Meta)
	if booklet.pages < 1+len(role.Onboarding) || booklet.pages >= whole.pages {
		t.Errorf("the booklet is %d sheets: want at least one for the role and each of its %d readings, and fewer than the handbook's %d", booklet.pages, len(role.Onboarding), whole.pages)
	}
	if n := strings.Count(booklet.text, name); n < booklet.pages {
		t.Errorf("the header %q is on %d of %d sheets", name, n, booklet.pages)
	}
	t.Logf("the whole handbook: %d sheets, %d bytes; %s's booklet: %d sheets, %d bytes", whole.pages, len(whole.data), role.ID, booklet.pages, len(booklet.data))
}

// TestPDF_version prints a role's booklet from an earlier version: the
// role is gone from the current one, and the header says which version
// the sheets are of.
func TestPDF_version(t *testing.T) {
	p := needPoppler(t)
	b := printPDF(t, p, generator.PDFOptions{Options: generator.Options{Dir: versioned(t), AsOf: pdfAsOf, NoGraphs: true}, Role: "clerk", Version: "1.0"})
	for _, want := range []string{"Mini · Version 1.0 · Effective 2026-01-01", "Booklet: Clerk", "Uncontrolled when printed — as of 2026-12-06", "Page 1 of " + strconv.Itoa(b.pages), "Files."} {
		if !strings.Contains(b.text, want) {
			t.Errorf("the text lacks %q:\n%s", want, b.text)
		}
	}
}
