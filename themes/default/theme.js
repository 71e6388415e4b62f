// Runs in <head> before the page paints, so a reader who chose dark never
// sees a flash of light. The choice ("light", "dark", or none = follow the
// system) is remembered in localStorage.
(function () {
  "use strict";
  var key = "accord-theme";
  function get() { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function apply(v) {
    if (v === "light" || v === "dark") document.documentElement.setAttribute("data-theme", v);
    else document.documentElement.removeAttribute("data-theme");
  }
  apply(get());
  document.addEventListener("DOMContentLoaded", function () {
    var btn = document.querySelector(".theme-toggle");
    if (!btn) return;
    var label = function () {
      var v = get() || "auto";
      btn.setAttribute("data-state", v);
      btn.textContent = btn.getAttribute("data-" + v) || v;
    };
    label();
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var next = { auto: "light", light: "dark", dark: "auto" }[get() || "auto"];
      try { if (next === "auto") localStorage.removeItem(key); else localStorage.setItem(key, next); } catch (e) { /* storage off: session only */ }
      apply(next === "auto" ? null : next);
      label();
    });
  });
})();
