package serve

import "html/template"

// Script is the live-reload client, for generator.CompileOptions.Extra: it
// exists only in served pages, never in `accord build` output. It listens on
// LivePath, reloads the page on "reload", and on "errors" lays the problems
// over the last good page. Problems are inserted with textContent only: a
// message quotes the handbook's own text, which must never become markup.
//
// EventSource reconnects by itself after a dropped stream, but not after a
// refused one: a 503 (too many pages listening) closes it for good. The
// script then opens a new one after a pause, random so that many refused
// tabs do not come back at once, and twice as long after each refusal. A
// page that was refused before it ever listened may have missed a reload,
// so it reloads once it is let in.
const Script template.HTML = `<script>
(function () {
  "use strict";
  if (!window.EventSource || !window.JSON) return;
  var seen = null, box = null;
  function hide() { if (box) { box.parentNode.removeChild(box); box = null; } }
  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (css) e.style.cssText = css;
    return e;
  }
  function where(p) {
    if (!p.file) return "";
    var s = p.file;
    if (p.line) { s += ":" + p.line; if (p.col) s += ":" + p.col; }
    return s + ": ";
  }
  function show(list) {
    hide();
    box = el("div", "", "position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
      "padding:2em;background:rgba(24,24,27,.94);color:#f4f4f5;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace;text-align:left");
    box.id = "accord-problems";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("lang", "en"); // its words are English, over a page in any language
    var close = el("button", "\u00d7", "float:right;font:inherit;font-size:20px;background:none;color:inherit;border:1px solid #71717a;border-radius:4px;cursor:pointer");
    close.setAttribute("aria-label", "Hide");
    close.onclick = hide;
    box.appendChild(close);
    var errs = list.filter(function (p) { return p.severity !== "warning"; }).length;
    box.appendChild(el("p", "accord: the handbook has " + errs + (errs === 1 ? " error" : " errors") +
      ". Showing the last good version; fix the sources and this page reloads.", "margin:0 0 1em;font-weight:bold;color:#fca5a5"));
    var ul = el("ul", "", "list-style:none;margin:0;padding:0");
    list.forEach(function (p) {
      var li = el("li", "", "margin:0 0 .6em;white-space:pre-wrap;word-break:break-word");
      li.appendChild(el("span", where(p), "color:#93c5fd"));
      if (p.severity === "warning") li.appendChild(el("span", "warning: ", "color:#fde68a"));
      li.appendChild(document.createTextNode(p.message));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    document.body.appendChild(box);
  }
  var pause = 2000, refused = false;
  function connect() {
    var es = new EventSource("/_accord/live");
    es.addEventListener("hello", function (e) {
      pause = 2000;
      var id = JSON.parse(e.data).id;
      if (seen === null ? refused : seen !== id) location.reload();
      seen = id;
    });
    es.addEventListener("reload", function () { location.reload(); });
    es.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
    es.addEventListener("ok", hide);
    es.addEventListener("error", function () {
      if (es.readyState !== EventSource.CLOSED) return;
      refused = true;
      setTimeout(connect, pause / 2 + Math.random() * pause);
      pause = Math.min(pause * 2, 60000);
    });
  }
  connect();
})();
</script>`
