package pdf

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
)

// prepareJS readies the loaded page for paper and resolves once its fonts
// are loaded. A link into the site would lead, in the PDF, to the loopback
// server that is gone once the PDF is written: it loses its target and
// stays as text. A link to a place in the printed page itself becomes a
// link inside the PDF; a link out of the site (https:, mailto:) stays.
func prepareJS(title string) string {
	t, _ := json.Marshal(title) // a JSON string is a JavaScript string literal
	return `(() => {
  document.title = ` + string(t) + `;
  const here = new URL(location.href);
  for (const a of document.querySelectorAll('a')) {
    const raw = a.getAttribute('href') ?? a.getAttribute('xlink:href');
    if (raw === null) continue;
    let u;
    try { u = new URL(raw, document.baseURI); } catch { continue; }
    if (u.origin !== here.origin) continue;
    a.removeAttribute('xlink:href');
    if (u.pathname === here.pathname && u.hash !== '') {
      a.setAttribute('href', u.hash);
    } else {
      a.removeAttribute('href');
    }
  }
  return document.fonts.ready.then(() => true);
})()`
}

// The header and footer are pages of their own to Chromium: without a font
// size their text is invisible, and without lang a Chinese line may be
// drawn in a font that lacks its characters. They span the sheet: their
// sides line up with the page's.
var lineStyle = fmt.Sprintf(`font-family:sans-serif;font-size:8pt;color:#555;width:100%%;margin:0 %gin;display:flex;justify-content:space-between;gap:1em`, marginSides)

func headerHTML(job Job) string {
	return line(job.Lang, html.EscapeString(job.Header[0]), html.EscapeString(job.Header[1]))
}

func footerHTML(job Job) string {
	format := job.PageNumbers
	if strings.Count(format, "%") != 2 || strings.Count(format, "%s") != 2 {
		format = "%s / %s" // a [labels] override without its two numbers
	}
	numbers := fmt.Sprintf(html.EscapeString(format), `<span class="pageNumber"></span>`, `<span class="totalPages"></span>`)
	return line(job.Lang, html.EscapeString(job.Footer), numbers)
}

func line(lang, left, right string) string {
	return fmt.Sprintf(`<div lang="%s" style="%s"><span>%s</span><span>%s</span></div>`, html.EscapeString(lang), lineStyle, left, right)
}
