/* « Cette page vous a-t-elle été utile ? » (overrides/partials/page-feedback.html): loaded by site.js at the first
   « Oui » or « Non ». Shows the short form; its link « Écrire à l’équipe éditoriale » opens the reader's mail client
   with the answer, the remark and the page's address written in. Nothing is sent by the page itself. */
var NBSP = "\u00a0";

/* The form, after the answers: a thanks that takes the focus (so that a screen reader says it), the remark, what
   the link does, the link. */
function makeForm(box) {
  var form = document.createElement("div");
  form.className = "pv-feedback__form";
  form.innerHTML =
    '<p class="pv-feedback__thanks" tabindex="-1"></p>' +
    '<label for="pv-feedback-remark">Votre remarque (facultatif)</label>' +
    '<textarea id="pv-feedback-remark" rows="3" maxlength="1500" aria-describedby="pv-feedback-how"></textarea>' +
    '<p id="pv-feedback-how">Le lien ci-dessous ouvre votre messagerie avec un courriel prêt, adressé à l’équipe ' +
    "éditoriale" + NBSP + ": rien n’est envoyé tant que vous ne l’envoyez pas vous-même.</p>" +
    '<p><a class="md-button md-button--primary" data-pv-feedback-send>Écrire à l’équipe éditoriale</a></p>';
  box.querySelector(".pv-feedback__answers").after(form);
  return form;
}

export function answer(box, button) {
  var form = box.querySelector(".pv-feedback__form") || makeForm(box);
  var thanks = form.querySelector(".pv-feedback__thanks");
  var remark = form.querySelector("textarea");
  var send = form.querySelector("[data-pv-feedback-send]");
  var title = box.getAttribute("data-pv-feedback-title");
  var verdict = button.getAttribute("data-pv-answer") === "oui" ? "utile" : "pas utile";

  function update() {
    send.href = window.pv.mailto(box.getAttribute("data-pv-feedback"),
      "Avis sur la page «" + NBSP + title + NBSP + "»" + NBSP + ": " + verdict,
      "Page" + NBSP + ": " + location.href.split("#")[0] + "\r\n\r\nRemarque" + NBSP + ": " + remark.value.trim() + "\r\n");
  }

  box.querySelectorAll("button[data-pv-answer]").forEach(function (other) {
    other.setAttribute("aria-pressed", String(other === button));
  });
  thanks.textContent = verdict === "utile"
    ? "Merci" + NBSP + "! Vous pouvez ajouter une remarque, puis l’écrire à l’équipe éditoriale."
    : "Merci. Dites-nous ce qui vous a manqué ou ce qui était difficile à comprendre.";
  remark.oninput = update; /* the latest answer's: « Oui » then « Non » changes the subject */
  update();
  thanks.focus();
}
