/* Site search: Pagefind's JavaScript API behind Material's search dialog (overrides/partials/search.html).
 *
 * - Pagefind (pagefind/pagefind.js, built by build_steps/search_index.py) is loaded on first use only: focus of the
 *   search field, a click on the header button, or the « s » / « / » shortcut. It then downloads only the index
 *   chunks that the typed words need. A large site's index comes in several bundles (pagefind/lots.json lists
 *   the others), searched together with Pagefind's mergeIndex.
 * - The dialog opens and closes with Material's #__search toggle, so it looks and behaves like Material's.
 * - Results: title, content type, excerpt with the matched words in <mark>; filters by type and by tag;
 *   the number of results is announced through a live region (role="status").
 * - Forgiving what readers type: assets/javascripts/search-tolerance.js (loaded with Pagefind, on first use)
 *   corrects misspelt words, leaves out the words no page holds and searches the synonyms of data/synonyms.yml;
 *   this script asks « Vouliez-vous dire … ? » (→ at the end of the field accepts) and says what was changed.
 * Why Pagefind and how it was measured: decisions/0001-recherche.md; the forgiving part: decisions/0003-recherche-tolerante.md.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-pv-search]");
  if (!root || window.pvSearch) return;

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 80;
  /* Order of the type filter (content/page_types.py, written by the search's template); types not listed there
     come after, alphabetically. */
  var TYPE_ORDER = (root.getAttribute("data-pv-search-types") || "").split("|");
  /* Words that carry no meaning in a French query: all query words must match a page, so « comment relayer
     une offre » would find nothing if « comment » had to be on the page. Kept only if nothing else is left. */
  var STOP_WORDS = new Set((
    "a à au aux avec c ce ces cet cette comment d dans de des du en est et j je l la le les leur leurs m ma " +
    "me mes mon n ne ou où par pas pour qu que quel quelle quels quelles qui quoi s sa se ses son sur t ta te " +
    "tes ton un une vos votre y"
  ).split(" "));

  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var status = root.querySelector(".pv-search-status");
  var suggestion = root.querySelector(".pv-search-suggestion");
  var suggestionButton = root.querySelector(".pv-search-suggestion__button");
  var list = root.querySelector(".pv-search-list");
  var typeSelect = root.querySelector("#pv-search-type");
  var tagSelect = root.querySelector("#pv-search-tag");
  var bundleUrl = new URL(root.getAttribute("data-pv-search-bundle"), location.href);
  var toleranceUrl = new URL(root.getAttribute("data-pv-search-tolerance"), location.href);
  var siteRoot = new URL("..", bundleUrl);

  var pagefind = null;        /* the Pagefind module, once loaded */
  var tolerance = null;       /* assets/javascripts/search-tolerance.js, loaded with Pagefind */
  var proposal = "";          /* the corrected query the reader may accept (→), or "" */
  var loading = null;         /* promise of the module */
  var sequence = 0;           /* each search gets a number; only the newest one renders */
  var timer = 0;
  var current = { results: [], shown: 0, label: "" };
  var lastFocus = null;

  var api = { ready: null, lastSearch: null };
  window.pvSearch = api;

  /* ---------------------------------------------------------------- helpers */

  function isOpen() { return !!(toggle && toggle.checked); }

  function setOpen(open) {
    /* A click keeps Material's listeners (scroll lock on small screens) in step with the toggle. */
    if (toggle && toggle.checked !== open) toggle.click();
  }

  function isEditable(el) {
    if (!el) return false;
    var tag = el.tagName;
    return el.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* The index is built from a copy with ASCII apostrophes (see build_steps/search_index.py): put ’ back. */
  function frenchApostrophes(html) {
    return html.replace(/'|&#39;|&#x27;|&apos;/g, "’");
  }

  /* What the reader typed, as Pagefind should see it. Pagefind itself ignores case and accents and stems
     French words; here: one kind of apostrophe, and no function words. */
  function normalise(raw) {
    var text = raw.normalize("NFC").replace(/[\u2019\u02bc`´]/g, "'").replace(/\s+/g, " ").trim();
    if (!text) return "";
    var words = text.split(" ");
    var kept = words.filter(function (word) {
      var bare = word.toLowerCase().replace(/^[«"“(]+|[»"”),.;:!?]+$/g, "");
      var parts = bare.split("'");
      return !(parts.every(function (p) { return p === "" || STOP_WORDS.has(p); }));
    });
    return (kept.length ? kept : words).join(" ");
  }

  function plural(count, one, many) { return count + " " + (count > 1 ? many : one); }

  /* French spacing in the sentences built here, as content/typography.py does in the pages: no-break space inside
     « » and before « : », narrow no-break space before ; ! ? */
  function french(text) {
    return text.replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»").replace(/ :/g, "\u00a0:")
      .replace(/ ([;!?])/g, "\u202f$1");
  }

  function announce(text) { status.textContent = french(text); }

  /* ---------------------------------------------------------------- loading */

  /* Options of every bundle: Pagefind applies them per index, merged ones included. */
  var SEARCH_OPTIONS = {
    baseUrl: siteRoot.pathname,
    excerptLength: 22,
    ranking: { termFrequency: 0.8, pageLength: 0.5, termSimilarity: 1.5 }
  };

  /* The other bundles of a large site (pagefind/lots.json, written by build_steps/search_index.py: [] for one bundle). */
  function mergedBundles() {
    return fetch(new URL("lots.json", bundleUrl).href).then(function (response) {
      if (!response.ok) throw new Error("lots.json : " + response.status);
      return response.json();
    });
  }

  /* A copy opened from files (file://): the browser refuses to fetch the index there. Say so, and where to search. */
  var online = root.getAttribute("data-pv-online");
  function fileCopyNote() {
    return "La recherche ne fonctionne pas dans une copie du site ouverte depuis vos fichiers : parcourez le menu" +
      (online ? ", ou cherchez sur le site en ligne, " + online + "." : ", ou cherchez sur le site en ligne de l’intranet.");
  }

  function load() {
    if (loading) return loading;
    if (location.protocol === "file:") {
      announce(fileCopyNote());
      return Promise.reject(new Error("file:"));
    }
    var forgiving = import(toleranceUrl.href).then(function (module) {
      var made = module.createTolerance({ bundleUrl: bundleUrl, stopWords: STOP_WORDS });
      return made.ready.then(function () { tolerance = made; });
    });
    loading = Promise.all([import(bundleUrl.href), mergedBundles(), forgiving]).then(function (loaded) {
      var module = loaded[0];
      var bundles = loaded[1];
      return module.options(SEARCH_OPTIONS).then(function () { return module.init(); }).then(function () {
        return Promise.all(bundles.map(function (bundle) {
          return module.mergeIndex(new URL(bundle, bundleUrl).pathname, SEARCH_OPTIONS);
        }));
      }).then(function () {
        pagefind = module;
        return module.filters();
      }).then(function (filters) {
        fillSelect(typeSelect, Object.keys(filters.type || {}), TYPE_ORDER);
        fillSelect(tagSelect, Object.keys(filters.tag || {}), []);
        return module;
      });
    }).catch(function (error) {
      loading = null;
      announce("La recherche n’a pas pu se charger. Rechargez la page ou utilisez le menu du site.");
      throw error;
    });
    api.ready = loading;
    return loading;
  }

  /* French alphabetical order of labels: letters without accents nor capitals first, then the text as written.
     Not Intl.Collator: the page's first collator loads the browser's collation data, a long task of 40 to 70 ms on
     a slow phone (Lighthouse's 4× slower processor) just as the search opens. */
  function sortKey(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function fillSelect(select, values, order) {
    values.sort(function (a, b) {
      var ia = order.indexOf(a), ib = order.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
      var ka = sortKey(a), kb = sortKey(b);
      if (ka !== kb) return ka < kb ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    values.forEach(function (value) {
      if (select.querySelector('option[value="' + CSS.escape(value) + '"]')) return;
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  /* ---------------------------------------------------------------- searching */

  function activeFilters() {
    var filters = {};
    if (typeSelect.value) filters.type = typeSelect.value;
    if (tagSelect.value) filters.tag = tagSelect.value;
    return filters;
  }

  function filterLabel() {
    var parts = [];
    if (typeSelect.value) parts.push("de type « " + typeSelect.value + " »");
    if (tagSelect.value) parts.push("avec l’étiquette « " + tagSelect.value + " »");
    return parts.join(" ");
  }

  function schedule() {
    clearTimeout(timer);
    var query = normalise(input.value);
    if (pagefind && query) pagefind.preload(query, { filters: activeFilters() });
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  function run() {
    var raw = input.value;
    var query = normalise(raw);
    var filters = activeFilters();
    var hasFilter = Object.keys(filters).length > 0;
    var mine = ++sequence;
    if (!query && !hasFilter) {
      list.innerHTML = "";
      list.hidden = true;
      showProposal("");
      current = { results: [], shown: 0, label: "" };
      announce("Tapez un mot ou deux pour chercher dans le site.");
      return Promise.resolve();
    }
    var started = performance.now();
    var understood = null;
    return load().then(function (module) {
      return tolerance.understand(query).then(function (result) {
        understood = result;
        if (mine !== sequence) return null;
        if (query && !result.words.length) return { results: [], partial: false };
        return tolerance.searchAll(module, result, filters);
      });
    }).then(function (search) {
      if (mine !== sequence || !search) return;
      current = { results: search.results, shown: 0, raw: raw.trim(), label: filterLabel(), partial: search.partial,
                  understood: understood };
      showProposal(understood && understood.corrected ? proposalFor(raw, understood) : "");
      list.innerHTML = "";
      return showMore().then(function () {
        if (mine !== sequence) return;
        api.lastSearch = { raw: raw.trim(), query: query, filters: filters, count: search.results.length,
                           words: understood ? understood.words : [], proposal: proposal,
                           ms: performance.now() - started };
        root.dispatchEvent(new CustomEvent("pv-search-results", { detail: api.lastSearch }));
      });
    }).catch(function () { /* already announced by load() */ });
  }

  /* The reader's text with the corrected words in place (« droit a la deconection » -> « droit a la déconnexion »). */
  function proposalFor(raw, understood) {
    var text = raw.trim();
    understood.corrected.forEach(function (c) {
      var pattern = new RegExp("(^|[\\s'’])" + c.from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?=$|[\\s,.;:!?])", "i");
      text = text.replace(pattern, function (all, before) { return before + c.to; });
    });
    return text;
  }

  function showProposal(text) {
    proposal = text;
    if (text) suggestionButton.textContent = text;  /* hidden, it keeps a name (HTML_CodeSniffer checks hidden buttons) */
    suggestion.hidden = !text;
  }

  function acceptProposal() {
    if (!proposal) return;
    input.value = proposal;
    showProposal("");
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    run();
  }

  function showMore() {
    var mine = sequence;
    var slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    return Promise.all(slice.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== sequence) return;
      var old = list.querySelector(".pv-search-more");
      if (old) old.parentNode.removeChild(old);
      var firstNew = null;
      pages.forEach(function (page) {
        var item = renderResult(page);
        if (!firstNew) firstNew = item;
        list.appendChild(item);
      });
      current.shown += pages.length;
      if (current.shown < current.results.length) list.appendChild(renderMoreButton());
      list.hidden = !list.children.length;
      announceCount();
      return firstNew;
    });
  }

  function quoted(words) {
    return words.map(function (word) { return "« " + word + " »"; }).join(", ");
  }

  /* The live region: how many results, for what, and what the search changed in the query. */
  function announceCount() {
    var count = current.results.length;
    var understood = current.understood || { words: [], corrected: null, absent: [] };
    var absent = understood.absent;
    var where = current.raw ? " pour « " + current.raw + " »" : "";
    var filter = current.label ? " " + current.label : "";
    if (absent.length && !understood.words.length) {
      announce("Aucun résultat" + where + " : " + (absent.length > 1 ? "ces mots ne figurent" : "ce mot ne figure") +
               " dans aucune page, et aucun mot proche non plus. Essayez un autre mot.");
      return;
    }
    var lead = "";
    if (understood.corrected) {
      lead += "Vouliez-vous dire « " + proposal + " » ? Résultats pour cette correction (flèche droite pour corriger le champ). ";
      where = "";
    }
    if (absent.length) {
      lead += "Aucune page ne contient tous les mots ; " + (absent.length > 1 ? "les mots " + quoted(absent) + " ne figurent" :
              "le mot " + quoted(absent) + " ne figure") + " dans aucune page. ";
      where = "";
    }
    if (count === 0) {
      announce(lead + "Aucun résultat" + where + filter + ". Essayez un autre mot" + (current.label ? " ou retirez le filtre." : "."));
      return;
    }
    var shown = current.shown < count ? " (" + current.shown + " affichés)" : "";
    var partial = "";
    if (current.partial === "all") partial = absent.length ? "Voici les plus proches : " : "Aucune page ne contient tous les mots ; voici les plus proches : ";
    if (current.partial === "some") partial = "Peu de pages contiennent tous les mots ; elles viennent en tête, suivies des plus proches : ";
    announce(lead + partial + plural(count, "résultat", "résultats") + where + filter + shown + ".");
  }

  /* The section of the page where the words weigh most (Pagefind's sub-results: one per heading with an id), or
     null when that is the top of the page. A hit in a question of the FAQ, or in a section of a long page, then
     opens there. */
  function bestSection(page) {
    var best = null;
    var bestScore = 0;
    (page.sub_results || []).forEach(function (sub) {
      var score = (sub.weighted_locations || []).reduce(function (sum, location) {
        return sum + (location.balanced_score || location.weight || 1);
      }, 0) || (sub.locations || []).length;
      if (score > bestScore) { best = sub; bestScore = score; }
    });
    if (!best || !best.url || best.url.indexOf("#") === -1 || best.url === page.url) return null;
    var title = (page.meta && page.meta.title) || "";
    if (best.title && best.title.replace(/\s*¶\s*$/, "") === title) return null;  // the page's own title (its h1)
    return best;
  }

  /* Pagefind highlights a word with the punctuation stuck to it (« <mark>réserve.</mark> »): the punctuation, and
     any character reference for it (&quot;), goes back outside the highlight. */
  var EDGE = "(?:&[#\\w]+;|[^\\w\\u00C0-\\u024F&])+";
  var LEADING = new RegExp("^" + EDGE);
  var TRAILING = new RegExp(EDGE + "$");

  function tidyMarks(html) {
    return html.replace(/<mark>([^<]*)<\/mark>/g, function (all, inner) {
      var before = (inner.match(LEADING) || [""])[0];
      var rest = inner.slice(before.length);
      var after = (rest.match(TRAILING) || [""])[0];
      var word = rest.slice(0, rest.length - after.length);
      return word ? before + "<mark>" + word + "</mark>" + after : all;
    });
  }

  function renderResult(page) {
    var meta = page.meta || {};
    var title = frenchApostrophes(escapeHtml(meta.title || page.url));
    var type = meta.type ? frenchApostrophes(escapeHtml(meta.type)) : "";
    var section = bestSection(page);
    var sectionTitle = section && section.title ? frenchApostrophes(escapeHtml(section.title.replace(/\s*¶\s*$/, ""))) : "";
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    item.innerHTML =
      '<a class="md-search-result__link" href="' + escapeHtml(section ? section.url : page.url) + '">' +
        '<div class="md-search-result__article md-typeset pv-search-article">' +
          '<p class="pv-search-title">' + title + "</p>" +
          (sectionTitle ? '<p class="pv-search-section"><span class="pv-visually-hidden">Partie : </span>' + sectionTitle + "</p>" : "") +
          (type ? '<p class="pv-search-type"><span class="pv-visually-hidden">Type : </span>' + type + "</p>" : "") +
          '<p class="md-search-result__teaser pv-search-excerpt">' +
            frenchApostrophes(tidyMarks((section && section.excerpt) || page.excerpt || "")) + "</p>" +
        "</div>" +
      "</a>";
    return item;
  }

  function renderMoreButton() {
    var item = document.createElement("li");
    item.className = "pv-search-more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button pv-search-more__button";
    var left = current.results.length - current.shown;
    button.textContent = "Afficher " + Math.min(left, PAGE_SIZE) + " résultats de plus";
    button.addEventListener("click", function () {
      showMore().then(function (first) {
        var link = first && first.querySelector("a");
        if (link) link.focus();
      });
    });
    item.appendChild(button);
    return item;
  }

  /* ---------------------------------------------------------------- opening, closing, keyboard */

  function open() {
    if (!isOpen()) lastFocus = document.activeElement;
    setOpen(true);
    load().catch(function () {});
    input.focus();
  }

  function close(restoreFocus) {
    setOpen(false);
    if (restoreFocus && lastFocus && lastFocus !== input && document.contains(lastFocus)) {
      lastFocus.focus();
    } else if (root.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    lastFocus = null;
  }

  function focusables() {
    var proposed = suggestion.hidden ? [] : [suggestionButton];
    return [input].concat(proposed, Array.prototype.slice.call(list.querySelectorAll("a, button")));
  }

  input.addEventListener("focus", function () {
    if (!isOpen()) setOpen(true);
    load().catch(function () {});
  });
  input.addEventListener("input", schedule);
  /* → at the end of the field accepts « Vouliez-vous dire … ? » (the caret has nowhere else to go there). */
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight" && proposal && !event.shiftKey &&
        input.selectionStart === input.value.length && input.selectionEnd === input.value.length) {
      event.preventDefault();
      acceptProposal();
    }
  });
  suggestionButton.addEventListener("click", acceptProposal);
  typeSelect.addEventListener("change", run);
  tagSelect.addEventListener("change", run);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { input.focus(); run(); }, 0);
  });

  /* Material's header button (label for="__search") and the overlay toggle the dialog: load Pagefind early. */
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"]')) load().catch(function () {});
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        load().catch(function () {});
        if (document.activeElement !== input) setTimeout(function () { input.focus(); }, 0);
      }
    });
  }

  /* A result opens the page: Material's instant navigation loads it, the dialog closes. */
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) setOpen(false);
  });

  /* Leaving the dialog with Tab closes it, as clicking outside does. */
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) setOpen(false);
  });

  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.target.tagName === "SELECT") return;
    var items = focusables();
    var index = items.indexOf(document.activeElement);
    if (index === -1) return;
    event.preventDefault();
    var next = (index + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next].focus();
  });

  /* « s » or « / » anywhere (outside a field) opens the search, as in Material. */
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isEditable(event.target)) return;
    if (event.key === "s" || event.key === "S" || event.key === "/") {
      event.preventDefault();
      open();
    }
  });
})();
