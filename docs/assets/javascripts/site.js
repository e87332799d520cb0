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

  if (typeof document$ !== "undefined") {
    document$.subscribe(initShare);
  } else {
    document.addEventListener("DOMContentLoaded", initShare);
  }
})();
