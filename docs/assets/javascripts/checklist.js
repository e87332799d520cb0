/* Checklists of the checklist() macro: remember the ticks, count them, reset them.
   - Ticks are stored in this browser only (localStorage), under the key written by the macro in
     data-ck-key: "checklist:<page URL>:<checklist id>". Nothing is ever sent anywhere.
   - Without JavaScript the list stays readable with working checkboxes; nothing is remembered.
   - Re-run after every instant navigation (window.pv.eachPage, site.js, which is loaded before it). */
(function () {
  "use strict";

  /* Ticks are only read at load (no write: a write to localStorage at every page load cost a long task on a slow
     phone), and written when the reader ticks or resets. Storage refused or broken (private browsing, full): the
     list works without memory. */
  function readTicks(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function writeTicks(key, values) {
    try {
      if (values.length) window.localStorage.setItem(key, JSON.stringify(values));
      else window.localStorage.removeItem(key);
    } catch (error) { /* no storage: keep going without memory */ }
  }

  /* The page as it arrives needs no change: the count (« 0 sur N points vérifiés ») is written by the macro, and
     the tools are shown by CSS once Material's script has marked the page « js » (checklist.css). Only stored ticks,
     when there are some, change the page at load: on a phone (Lighthouse mobile) this keeps the script's work short.
     data-ck-ready tells the tests the list now answers. */
  function setUp(root) {
    if (root.hasAttribute("data-ck-ready")) return;
    var key = root.getAttribute("data-ck-key");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input.ck-box"));
    var status = root.querySelector("[data-ck-status]");

    function showCount() {
      var count = boxes.filter(function (box) { return box.checked; }).length;
      status.textContent = count + " sur " + boxes.length + " points vérifiés";
    }

    function save() {
      writeTicks(key, boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }));
    }

    root.addEventListener("change", function (event) {
      if (!event.target.classList.contains("ck-box")) return;
      save();
      showCount();
    });
    root.querySelector("[data-ck-reset]").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
      showCount(); /* focus stays on the button; the live region announces « 0 sur N » */
    });

    var ticked = readTicks(key);
    if (ticked.length) {
      boxes.forEach(function (box) { box.checked = ticked.indexOf(box.value) !== -1; });
      showCount();
    }
    root.setAttribute("data-ck-ready", "");
  }

  function setUpAll() {
    document.querySelectorAll(".ck[data-ck-key]").forEach(setUp);
  }

  window.pv.eachPage(setUpAll); /* site.js: after each instant navigation, or once loaded (copies opened from files) */
})();
