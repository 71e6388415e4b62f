// accord search: loads _accord/search-index.js (built by accord in Go) with
// a <script> tag — fetch() is refused on file:// — and searches it in the
// browser. Tokens follow search.Tokens (generator/search/tokens.go) exactly,
// and generator/browser/tokens_test.go runs both on the same strings:
// lower-case, character by character; a run of CJK characters gives every
// pair of neighbours; other letters and digits form words; anything else
// separates. The last word of a query also matches as a prefix.
(function () {
  "use strict";
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{Nd}]/u;

  // lower lower-cases one character as search.Tokens does: as Go's
  // unicode.ToLower, with the final sigma "ς" folded to "σ" (a reader types
  // "οδος" for the "ΟΔΟΣ" indexed as "οδοσ"). The string's toLowerCase would
  // make "İ" "i" and a combining dot (which separates), and a final "Σ" "ς";
  // alone, only "İ" gets more than one character, and its first is Go's.
  function lower(c) {
    if (c === "\u03c2") return "\u03c3";
    var l = c.toLowerCase();
    return l.length > c.length ? String.fromCodePoint(l.codePointAt(0)) : l;
  }
  // lowerText lower-cases text as tokens does, so that a query's words are
  // found in the text of the documents its tokens matched, at the same
  // offsets (every character keeps its length). Only "İ", "Σ" and "ς"
  // lower-case differently in a whole string; text without them takes the
  // fast path.
  var CONTEXTUAL = /[\u0130\u03a3\u03c2]/;
  function lowerText(s) {
    if (!CONTEXTUAL.test(s)) return s.toLowerCase();
    var out = "";
    for (var c of s) out += lower(c);
    return out;
  }
  function tokens(s) {
    var out = [], word = "", cjk = [];
    function flush() {
      if (word) { out.push(word); word = ""; }
      if (cjk.length === 1) out.push(cjk[0]);
      for (var i = 0; i + 1 < cjk.length; i++) out.push(cjk[i] + cjk[i + 1]);
      cjk = [];
    }
    for (var c of s) {
      var ch = lower(c);
      if (CJK.test(ch)) { if (word) flush(); cjk.push(ch); }
      else if (WORD.test(ch)) { if (cjk.length) flush(); word += ch; }
      else flush();
    }
    flush();
    return out;
  }
  // Runs of the query that a match must contain as they are: CJK runs and
  // whole words (the words before the last one).
  function phrases(q) {
    var m = lowerText(q).match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{Nd}]+/gu);
    return m || [];
  }

  var root = document.documentElement.getAttribute("data-root") || "";
  var kindNames = null;
  function kinds() {
    if (kindNames === null) {
      try { kindNames = JSON.parse(document.documentElement.getAttribute("data-kinds") || "{}"); } catch (e) { kindNames = {}; }
    }
    return kindNames;
  }
  var index = null, waiting = [];
  function load(cb) {
    if (!index && window.ACCORD_SEARCH) index = decode(window.ACCORD_SEARCH);
    if (index) return cb(index);
    waiting.push(cb);
    if (waiting.length > 1) return;
    var s = document.createElement("script");
    s.src = root + "_accord/search-index.js";
    s.onload = function () {
      index = decode(window.ACCORD_SEARCH);
      waiting.forEach(function (f) { f(index); });
      waiting = [];
    };
    document.head.appendChild(s);
  }
  function decode(raw) {
    var terms = Object.create(null), keys = Object.keys(raw.terms);
    keys.forEach(function (k) {
      var n = 0;
      terms[k] = raw.terms[k].split(",").map(function (d) { n += parseInt(d, 36); return n; });
    });
    return { docs: raw.docs, terms: terms, keys: keys.sort() };
  }

  function postings(idx, tok, prefix) {
    if (!prefix || CJK.test(tok)) {
      if (tok.length === 1 && CJK.test(tok)) return union(idx, function (k) { return k.indexOf(tok) >= 0; });
      return idx.terms[tok] || [];
    }
    return union(idx, function (k) { return k.lastIndexOf(tok, 0) === 0; });
  }
  function union(idx, pred) {
    var set = new Set();
    idx.keys.forEach(function (k) { if (pred(k)) idx.terms[k].forEach(function (d) { set.add(d); }); });
    return Array.from(set).sort(function (a, b) { return a - b; });
  }

  var kindWeight = { term: 6, role: 5, workflow: 5, policy: 4, page: 3, step: 3, section: 1 };

  function search(idx, q) {
    var toks = tokens(q);
    if (!toks.length) return [];
    var cand = null;
    toks.forEach(function (t, i) {
      var p = postings(idx, t, i === toks.length - 1);
      var set = new Set(p);
      cand = cand === null ? p : cand.filter(function (d) { return set.has(d); });
    });
    var ql = lowerText(q.trim()), ph = phrases(q);
    var last = ph.length ? ph[ph.length - 1] : "";
    var res = [];
    cand.forEach(function (i) {
      var d = idx.docs[i], title = lowerText(d[1]), text = lowerText(d[3]), all = title + " " + text;
      var clipped = d[3].slice(-1) === "…";
      for (var j = 0; j < ph.length; j++) {
        var p = ph[j];
        var mustBeWhole = CJK.test(p) || j < ph.length - 1;
        if (mustBeWhole && all.indexOf(p) < 0 && !clipped) return;
      }
      var score = (kindWeight[d[0]] || 0);
      if (title === ql) score += 200;
      else if (title.indexOf(ql) >= 0) score += 100;
      ph.forEach(function (p) { if (title.indexOf(p) >= 0) score += 20; });
      res.push({ doc: d, score: score, order: i });
    });
    res.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return res;
  }

  // mark appends text to el with every occurrence of the phrases wrapped in
  // <mark>; text goes in as text nodes, never as HTML.
  function mark(el, text, ph) {
    var lower = lowerText(text), i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      ph.forEach(function (p) {
        var at = lower.indexOf(p, i);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = p.length; }
      });
      if (best < 0) { el.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) el.appendChild(document.createTextNode(text.slice(i, best)));
      var m = document.createElement("mark");
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      i = best + len;
    }
  }
  function snippet(text, ph) {
    var lower = lowerText(text), at = -1;
    ph.forEach(function (p) { var i = lower.indexOf(p); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) return text.slice(0, 120);
    var start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, start + 140) + (start + 140 < text.length ? "…" : "");
  }

  // The list is a listbox (the search box points into it with
  // aria-activedescendant): each result is an option, and the link itself
  // takes that role, its <li> none, since an option may not hold a link.
  function renderResults(list, results, q, limit) {
    list.textContent = "";
    // What the list shows results for: the index loads once, and the
    // renders of the letters typed before it came follow each other.
    list.setAttribute("data-q", q);
    var ph = phrases(q);
    results.slice(0, limit).forEach(function (r, n) {
      var d = r.doc, li = document.createElement("li"), a = document.createElement("a");
      li.setAttribute("role", "none");
      a.setAttribute("role", "option");
      a.id = list.id + ":" + n; // no heading id has a ":" (markdown.IsReservedID)
      a.href = root + d[2];
      var t = document.createElement("span");
      t.className = "result-title";
      mark(t, d[1], ph);
      var k = document.createElement("span");
      k.className = "result-kind kind-" + d[0];
      k.textContent = kinds()[d[0]] || d[0];
      a.appendChild(k);
      a.appendChild(t);
      if (d[3]) {
        var s = document.createElement("span");
        s.className = "result-text";
        mark(s, snippet(d[3], ph), ph);
        a.appendChild(s);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  // Keyboard: arrows move through results, Enter opens, Escape closes.
  function keys(input, list, onEnter) {
    var sel = -1;
    input.addEventListener("keydown", function (e) {
      var items = list.querySelectorAll("li");
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!items.length) return;
        e.preventDefault();
        sel = (sel + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
        items.forEach(function (li, i) { li.classList.toggle("selected", i === sel); li.firstChild.setAttribute("aria-selected", i === sel); });
        input.setAttribute("aria-activedescendant", items[sel].firstChild.id);
        items[sel].scrollIntoView({ block: "nearest" });
      } else if (e.key === "Enter") {
        if (sel >= 0 && items[sel]) { e.preventDefault(); window.location.href = items[sel].querySelector("a").href; }
        else if (onEnter) onEnter(e);
      } else if (e.key === "Escape") {
        list.hidden = true; sel = -1;
      }
    });
    input.addEventListener("input", function () { sel = -1; input.removeAttribute("aria-activedescendant"); });
  }

  function setupBox(form) {
    var input = form.querySelector("input[type=search]"), list = form.querySelector(".search-results");
    if (!input || !list) return;
    var run = function () {
      var q = input.value;
      if (!q.trim()) { list.hidden = true; return; }
      load(function (idx) {
        renderResults(list, search(idx, q), q, 8);
        list.hidden = !list.children.length;
      });
    };
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", run);
    keys(input, list, null);
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) list.hidden = true; });
  }

  function setupPage(page) {
    var input = page.querySelector("input[type=search]"), list = page.querySelector(".search-results"),
      count = page.querySelector(".search-count");
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    var run = function () {
      var v = input.value;
      load(function (idx) {
        var res = v.trim() ? search(idx, v) : [];
        renderResults(list, res, v, 100);
        list.hidden = !res.length; // an empty listbox is an error of ARIA's
        if (count) count.textContent = v.trim() ? (count.getAttribute("data-template") || "%d").replace("%d", res.length) : "";
      });
      if (window.history && window.history.replaceState) {
        var u = new URL(window.location.href);
        if (v) u.searchParams.set("q", v); else u.searchParams.delete("q");
        try { window.history.replaceState(null, "", u.toString()); } catch (e) { /* file:// may refuse */ }
      }
    };
    input.addEventListener("input", run);
    keys(input, list, function (e) { e.preventDefault(); });
    page.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    if (q) run();
    input.focus();
  }

  window.accordSearch = { tokens: tokens, search: function (q, cb) { load(function (idx) { cb(search(idx, q)); }); } };
  document.addEventListener("DOMContentLoaded", function () {
    var page = document.querySelector("form.search-page");
    if (page) setupPage(page);
    document.querySelectorAll("form.search-box").forEach(setupBox);
  });
})();
