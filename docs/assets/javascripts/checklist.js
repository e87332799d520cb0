/* Checklists of the checklist() macro: remember the ticks, count them, reset them.
   - Ticks are stored in this browser only (localStorage), under the key written by the macro in
     data-ck-key: "checklist:<page URL>:<checklist id>". Nothing is ever sent anywhere.
   - Without JavaScript the list stays readable with working checkboxes; nothing is remembered.
   - Re-run after every instant navigation through Material's document$. */
(function () {
  "use strict";

  function openStorage() {
    try {
      var probe = "checklist:probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; /* private browsing, storage disabled: the list works, without memory */
    }
  }

  function readTicks(storage, key) {
    if (!storage) return [];
    try {
      var value = JSON.parse(storage.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function setUp(root, storage) {
    if (root.getAttribute("data-ck-ready")) return;
    root.setAttribute("data-ck-ready", "true");

    var key = root.getAttribute("data-ck-key");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input.ck-box"));
    var tools = root.querySelector(".ck-tools");
    var status = root.querySelector("[data-ck-status]");
    var reset = root.querySelector("[data-ck-reset]");
    var ticked = readTicks(storage, key);

    function showCount() {
      var count = boxes.filter(function (box) { return box.checked; }).length;
      status.textContent = count + " sur " + boxes.length + " points vérifiés";
    }

    function save() {
      if (!storage) return;
      var values = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      try {
        if (values.length) storage.setItem(key, JSON.stringify(values));
        else storage.removeItem(key);
      } catch (error) { /* storage full: keep going without memory */ }
    }

    boxes.forEach(function (box) {
      box.checked = ticked.indexOf(box.value) !== -1;
      box.addEventListener("change", function () {
        save();
        showCount();
      });
    });

    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
      showCount(); /* focus stays on the button; the live region announces « 0 sur N » */
    });

    showCount();
    tools.hidden = false;
  }

  function setUpAll() {
    var storage = openStorage();
    document.querySelectorAll(".ck[data-ck-key]").forEach(function (root) {
      setUp(root, storage);
    });
  }

  /* Material's document$ announces each page of its instant navigation; in a copy opened from files (file:), where
     Material leaves instant navigation off, it announces none: the page's own loading is used instead. */
  if (typeof document$ !== "undefined" && location.protocol !== "file:") {
    document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
