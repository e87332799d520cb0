/* Site-wide behaviour, re-run after every instant navigation (Material's document$): addresses, feedback, sharing,
   copies opened from files; then the checklists of the checklist() macro. Kept small. */
(function () {
  "use strict";

  /* The page's address as the reader opened it, without the #section: the address printed at the top of the page,
     « Partager la page » and « Signaler une erreur » use it, whatever address the site was built for (SITE_URL), or
     none. A mail link names its recipient, subject and body in data-pv-mail-*; in the body, « {adresse} » is the
     page's address, « {titre} » the subject and « {ligne} » a line break. */
  function mailto(to, subject, body) {
    return "mailto:" + to + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function showAddress() {
    var here = location.href.split("#")[0];
    document.querySelectorAll("[data-pv-address]").forEach(function (wrapper) {
      wrapper.querySelector("[data-pv-address-text]").textContent = here;
      wrapper.hidden = false;
    });
    document.querySelectorAll("[data-pv-mail-subject]").forEach(function (link) {
      var subject = link.getAttribute("data-pv-mail-subject");
      var body = link.getAttribute("data-pv-mail-body").replace("{titre}", subject).replace("{adresse}", here);
      link.href = mailto(link.getAttribute("data-pv-mail-to") || "", subject, body.split("{ligne}").join("\r\n"));
    });
    document.querySelectorAll("[data-pv-copy]").forEach(function (button) {
      button.setAttribute("data-pv-copy", here);
    });
  }

  /* « Cette page vous a-t-elle été utile ? » (partials/page-feedback.html). Without JavaScript, « Oui » and « Non »
     are mailto links. Here they become buttons; the first answer loads feedback.js (an ES module, as the search loads
     its own), which shows the short form. Nothing is sent by the page itself. */
  function initFeedback() {
    document.querySelectorAll("[data-pv-feedback] a[data-pv-answer]").forEach(function (link) {
      var box = link.closest("[data-pv-feedback]");
      var button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.textContent = link.textContent;
      button.setAttribute("aria-pressed", "false");
      button.setAttribute("data-pv-answer", link.getAttribute("data-pv-answer"));
      link.replaceWith(button);
      button.addEventListener("click", function () {
        import(new URL(box.getAttribute("data-pv-feedback-script"), location.href).href).then(function (feedback) {
          feedback.answer(box, button);
        });
      });
    });
  }

  /* A copy opened from files (file://: the offline copy of `make hors-ligne`, or a built site copied to a folder).
     A site built for a server links to folders (« fiches/ »), which a browser shows as a list of files: those links
     get the folder's index.html. A notice at the top of the page says it is a copy, and where the site is online. */
  function fileCopy() {
    if (location.protocol !== "file:") return;
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (link.protocol === "file:" && /\/$/.test(link.pathname)) link.pathname += "index.html";
    });
    var content = document.querySelector(".md-content__inner");
    if (!content || content.querySelector(".pv-file-copy")) return;
    var source = document.querySelector("[data-pv-online]");
    var online = source ? source.getAttribute("data-pv-online") : "";
    var notice = document.createElement("p");
    notice.className = "pv-file-copy";
    notice.textContent = "Copie du site ouverte depuis vos fichiers\u00a0: la recherche n’y fonctionne pas, et la version " +
      "à jour est sur le site en ligne" + (online ? "\u00a0: " + online + "." : " de l’intranet.");
    content.insertBefore(notice, content.firstChild);
  }

  /* « Copier le lien » in « Partager la page »: shown only where the Clipboard API exists. */
  function initShare() {
    document.querySelectorAll("[data-pv-copy]").forEach(function (button) {
      if (!navigator.clipboard) return;
      button.closest("[data-pv-copy-item]").hidden = false;
      var status = button.parentNode.querySelector(".pv-share__status");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-pv-copy")).then(
          function () { status.textContent = "Lien copié."; },
          function () { status.textContent = "La copie a échoué : sélectionnez l’adresse dans la barre du navigateur."; }
        );
      });
    });
  }

  /* Links to other sites get a class: print shows their address after them (site.css). Material's instant
     navigation makes every link absolute, so the href alone no longer tells internal from external. */
  function markExternalLinks() {
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      if (/^https?:$/.test(link.protocol) && link.host !== location.host) link.classList.add("pv-external");
    });
  }

  /* Navigation drawer (small or zoomed-in screens): Material's menu button is a <label> for a hidden checkbox,
     which the keyboard cannot reach. With JavaScript, it becomes a real button that says whether the menu is
     open; opening it moves focus to the first link of the menu; Escape, or focus leaving the menu, closes it.
     The header stays through instant navigation: set up once. */
  function initDrawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    if (!toggle || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " pv-menu-button";
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", "Menu du site");
    button.setAttribute("aria-expanded", "false");
    label.replaceWith(button);

    function setOpen(open, moveFocus) {
      if (toggle.checked !== open) {
        toggle.checked = open;
        toggle.dispatchEvent(new Event("change"));
      }
      if (!moveFocus) return;
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (open && first) first.focus();
      if (!open) button.focus();
    }
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    button.addEventListener("click", function (event) {
      setOpen(!toggle.checked, event.detail === 0); /* detail 0: Enter or Space, not a pointer */
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) setOpen(false, true);
    });
    document.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && next && next !== button && !next.closest(".md-sidebar--primary")) setOpen(false, false);
    });
  }

  /* Sections of the menu: Material names each one after its toggle, an icon without text. Name them after the
     section's title instead, so that screen readers list distinct menus. */
  function nameMenuSections() {
    document.querySelectorAll(".md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = label && !label.textContent.trim() && label.parentNode.querySelector("a.md-nav__link");
      if (!title) return;
      nav.removeAttribute("aria-labelledby");
      nav.setAttribute("aria-label", title.textContent.trim());
    });
  }

  /* After an instant navigation (not on the first load), focus goes to the new page's title, or to the section
     named in the address: as after a full page load, a screen reader announces the new page and Tab continues
     from there, instead of from where the followed link used to be. Scrolling stays Material's. */
  var firstPage = true;
  function focusNewPage() {
    if (firstPage) {
      firstPage = false;
      return;
    }
    var id = decodeURIComponent(location.hash.slice(1));
    var target = (id && document.getElementById(id)) || document.querySelector(".md-content h1");
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }

  function init() {
    fileCopy();
    showAddress();
    initShare();
    initFeedback();
    markExternalLinks();
    initDrawer();
    nameMenuSections();
    focusNewPage();
  }

  /* `fn` on every page: after each instant navigation (Material's document$), or once the page is loaded where
     there is none. In a copy opened from files (file:), Material leaves instant navigation off and its document$
     then announces no page at all: the page's own loading is used there too. */
  function eachPage(fn) {
    if (typeof document$ !== "undefined" && location.protocol !== "file:") {
      document$.subscribe(fn);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  /* For the other scripts of the site (the checklists below, feedback.js): one way to start on every page, one way
     to write a mail link. */
  window.pv = { eachPage: eachPage, mailto: mailto };
  eachPage(init);
})();

/* Checklists of the checklist() macro: remember the ticks, count them, reset them.
   - Ticks are stored in this browser only (localStorage), under the key written by the macro in
     data-ck-key: "checklist:<page URL>:<checklist id>". Nothing is ever sent anywhere.
   - Without JavaScript the list stays readable with working checkboxes; nothing is remembered.
   - Re-run after every instant navigation (window.pv.eachPage, above).
   In this file rather than in one loaded by the pages that have a checklist: a memo sheet then loads no more files
   than any other page (about 0.6 KB, gzip and minified, on the others). */
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
     the tools are shown by CSS once Material's script has marked the page « js » (blocks.css). Only stored ticks,
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

  window.pv.eachPage(setUpAll); /* after each instant navigation, or once loaded (copies opened from files) */
})();
