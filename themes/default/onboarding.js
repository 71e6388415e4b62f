// Onboarding checklists and print buttons. A checklist's ticks live in
// localStorage under the list's key, so they survive reloads (and stay in
// this browser: nothing is sent anywhere).
(function () {
  "use strict";
  function load(key) { try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return {}; } }
  function save(key, v) { try { localStorage.setItem(key, JSON.stringify(v)); } catch (e) { /* storage off */ } }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("ol.checklist[data-key]").forEach(function (list) {
      var key = list.getAttribute("data-key"), state = load(key);
      var progress = document.querySelector(".checklist-progress");
      var boxes = list.querySelectorAll("input[type=checkbox][data-item]");
      function update() {
        if (!progress) return;
        var n = 0;
        boxes.forEach(function (b) { if (b.checked) n++; });
        progress.textContent = (progress.getAttribute("data-label") || "") + " " + n + "/" + boxes.length;
      }
      boxes.forEach(function (b) {
        b.checked = !!state[b.getAttribute("data-item")];
        b.addEventListener("change", function () {
          state[b.getAttribute("data-item")] = b.checked;
          save(key, state);
          update();
        });
      });
      update();
    });
    // A wide graph starts shrunk to the page; the button shows it at its
    // natural size inside its scrolling box (pan by scrolling), and back.
    document.querySelectorAll("figure.graph[data-width] .graph-zoom").forEach(function (b) {
      var fig = b.closest("figure"), svg = fig.querySelector("svg");
      b.hidden = false;
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", function () {
        var on = fig.classList.toggle("graph-actual");
        b.setAttribute("aria-pressed", on ? "true" : "false");
        if (svg) svg.style.width = on ? fig.getAttribute("data-width") : "";
        if (svg) svg.style.maxWidth = on ? "none" : fig.getAttribute("data-width");
      });
    });
    document.querySelectorAll(".print-button").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  });
})();
