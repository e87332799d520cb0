/* Site-wide behaviour, re-run after every instant navigation (Material's document$). Kept tiny. */
(function () {
  "use strict";

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
    initShare();
    markExternalLinks();
    initDrawer();
    nameMenuSections();
    focusNewPage();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
