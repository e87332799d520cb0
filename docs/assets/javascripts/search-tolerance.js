/* Forgiving what readers type, for the site search (assets/javascripts/search.js loads this module with Pagefind,
 * on first use, so that a page's first visit does not download it). The data comes from the build
 * (build_steps/search_words.py):
 *
 * - a word the site does not know (pagefind/mots/<first two letters>.json, fetched for the typed word only) is
 *   replaced by the closest known word (up to one edit in a short word, three in a long one), or left out when
 *   no known word is close; search.js tells the reader (« Vouliez-vous dire … ? »);
 * - the other phrases of a group of data/synonyms.yml (pagefind/synonymes.json) are searched too, the reader's
 *   own words weighing more;
 * - when few pages hold every word, the pages that hold most of them (each word with its synonyms) follow.
 *
 * Why and how it was measured: decisions/0003-recherche-tolerante.md.
 */

export function createTolerance(options) {
  "use strict";

  var bundleUrl = options.bundleUrl;
  var STOP_WORDS = options.stopWords;
  var synonyms = [];          /* [{words: ["bad", "buzz"], group: [...], others: [...]}], longest first */
  var vocabulary = {};        /* "de" -> promise of the words of pagefind/mots/de.json */

  /* « Déconnexion » -> « deconnexion »: the comparison rule of the build (content/text.py, search_fold). */
  function fold(word) {
    return word.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* The groups of data/synonyms.yml (pagefind/synonymes.json), as phrases of folded words, longest first. */
  function loadSynonyms() {
    return fetch(new URL("synonymes.json", bundleUrl).href).then(function (response) {
      if (!response.ok) throw new Error("synonymes.json : " + response.status);
      return response.json();
    }).then(function (groups) {
      var phrases = [];
      groups.forEach(function (group) {
        var folded = group.map(function (text) { return text.split(/\s+/).map(synonymToken); });
        folded.forEach(function (words, index) {
          phrases.push({ words: words, group: folded, others: folded.filter(function (_, other) { return other !== index; }) });
        });
      });
      synonyms = phrases.sort(function (a, b) { return b.words.length - a.words.length; });
    });
  }

  /* The words of pagefind/mots/<first two letters>.json: [[form, pages]…], most frequent first; [] when no word
     of the site begins so (404); null when the file could not be read: the typed word is then left as it is,
     never « corrected » on missing information. */
  function vocabularyOf(key) {
    if (!vocabulary[key]) {
      vocabulary[key] = fetch(new URL("mots/" + key + ".json", bundleUrl).href).then(function (response) {
        if (response.status === 404) return [];
        if (!response.ok) throw new Error("mots/" + key + ".json : " + response.status);
        return response.json();
      }).then(function (words) {
        return words.map(function (entry) { return { form: entry[0], folded: fold(entry[0]), pages: entry[1] }; });
      }).catch(function () {
        delete vocabulary[key];  /* tried again at the next search */
        return null;
      });
    }
    return vocabulary[key];
  }

  /* Edits between two words (insertion, deletion, substitution, two letters swapped), or more than `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null, previous = [], row;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var value = Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + cost);
        if (before && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) value = Math.min(value, before[k - 2] + 1);
        row.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  /* How far a misspelling may be from the word meant: one letter in a short word, up to three in a long one. */
  function tolerance(length) { return length <= 4 ? 1 : length <= 8 ? 2 : 3; }

  /* What the site knows of one typed word: "known" (the word, or a word it begins, or a longer form of it, is in
     the pages), a correction (the closest known word), or "absent" (no page holds it or anything close). */
  function lookUp(word) {
    var folded = fold(word);
    if (folded.length < 4 || !/^[a-z]+$/.test(folded) || STOP_WORDS.has(folded)) return Promise.resolve({ known: true });
    return vocabularyOf(folded.slice(0, 2)).then(function (words) {
      if (words === null) return { known: true };
      var known = words.some(function (entry) {
        var other = entry.folded;
        return other === folded || other.indexOf(folded) === 0 || other === folded.replace(/[sx]$/, "") ||
               (other.length >= 5 && folded.indexOf(other) === 0 && folded.length - other.length <= 3);
      });
      if (known) return { known: true };
      var limit = tolerance(folded.length), best = null, bestDistance = limit + 1;
      words.forEach(function (entry) {
        var d = distance(folded, entry.folded, Math.min(limit, bestDistance));
        if (d < bestDistance || (d === bestDistance && best && entry.pages > best.pages)) {
          best = entry;
          bestDistance = d;
        }
      });
      return best && bestDistance <= limit ? { known: false, correction: best.form } : { known: false };
    });
  }

  /* The query as the search will use it: each word looked up; corrections and absent words noted. A word of a
     synonym group (« embauche », « bad buzz ») is never corrected nor left out: its group says what it means. */
  function understand(query) {
    var tokens = query ? query.split(" ") : [];
    var grouped = synonymSpans(tokens);
    return Promise.all(tokens.map(function (token, index) {
      var cut = token.lastIndexOf("'") + 1;   /* « l'immage »: the word after the elision */
      var word = token.slice(cut).replace(/^[«"“(]+|[»"”),.;:!?]+$/g, "");
      var inGroup = grouped.some(function (span) { return index >= span.at && index < span.at + span.length; });
      return (inGroup ? Promise.resolve({ known: true }) : lookUp(word)).then(function (found) {
        return { token: token, word: word, prefix: token.slice(0, cut), found: found };
      });
    })).then(function (looked) {
      var result = { words: [], corrected: [], absent: [] };
      looked.forEach(function (item) {
        if (item.found.known) {
          result.words.push(item.token);
        } else if (item.found.correction) {
          result.words.push(item.found.correction);
          result.corrected.push({ from: item.word, to: item.found.correction });
        } else {
          result.absent.push(item.word);
        }
      });
      if (!result.corrected.length) result.corrected = null;
      return withSynonyms(result);
    });
  }

  /* Whether the site holds every word of a phrase (a word with hyphens: each of its parts). */
  function phraseKnown(words) {
    var parts = [];
    words.forEach(function (word) { parts = parts.concat(word.split("-")); });
    return Promise.all(parts.map(lookUp)).then(function (found) {
      return found.every(function (f) { return f.known; });
    });
  }

  /* The synonym groups met in the query's words, with only the phrases the site holds: a phrase that no page holds
     would match, through Pagefind's prefix search, words that merely begin like it. */
  function withSynonyms(result) {
    var spans = synonymSpans(result.words);
    return Promise.all(spans.map(function (span) {
      var phrases = [result.words.slice(span.at, span.at + span.length).map(synonymToken)].concat(span.others);
      return Promise.all(phrases.map(phraseKnown)).then(function (known) {
        span.keepOriginal = known[0];
        span.others = span.others.filter(function (_, index) { return known[index + 1]; });
        return span;
      });
    })).then(function (checked) {
      result.spans = checked;
      return result;
    });
  }

  /* The other ways of saying the query: each phrase of a synonym group found in it replaced by the group's other
     phrases, one at a time (at most MAX_VARIANTS searches). */
  var MAX_VARIANTS = 10;
  var SYNONYM_WEIGHT = 0.75;  /* a page found through a synonym, against one holding the reader's own word */
  var ENOUGH = 5;             /* the reader's own words found this many pages: no synonym variants */

  /* A word as the synonym groups compare it: folded, without its elision (« d’emploi » -> « emploi »). */
  function synonymToken(word) {
    return fold(word).replace(/[’`´]/g, "'").replace(/^[a-z]+'/, "").replace(/[^a-z0-9-]/g, "");
  }

  /* Where the phrases of the synonym groups are in the query's words: [{at, length, others}], without overlaps. */
  function synonymSpans(words) {
    var folded = words.map(synonymToken);
    var found = [];
    synonyms.forEach(function (phrase) {
      for (var at = 0; at + phrase.words.length <= folded.length; at++) {
        var same = phrase.words.every(function (word, index) {
          var typed = folded[at + index];
          return typed === word || (typed.length > 4 && typed.replace(/[sx]$/, "") === word);
        });
        var taken = found.some(function (f) { return at < f.at + f.length && f.at < at + phrase.words.length; });
        if (same && !taken) found.push({ at: at, length: phrase.words.length, others: phrase.others, group: phrase.group });
      }
    });
    found.sort(function (a, b) { return a.at - b.at; });
    // Two phrases of one group side by side (« interview presse ») say one thing: one span, every phrase of the group.
    return found.reduce(function (spans, span) {
      var last = spans[spans.length - 1];
      if (last && last.group === span.group && last.at + last.length === span.at) {
        last.length += span.length;
        last.others = span.group;
      } else {
        spans.push(span);
      }
      return spans;
    }, []);
  }

  /* The queries to run: every way of saying the query with the phrases of its synonym groups that the site holds,
     the reader's own phrases first (at most MAX_VARIANTS). [{query, own}] */
  function variants(understood) {
    var words = understood.words, spans = understood.spans || [];
    var choices = spans.map(function (span) {
      var own = words.slice(span.at, span.at + span.length);
      var list = (span.keepOriginal ? [{ words: own, own: true }] : []).concat(span.others.map(function (other) {
        return { words: other, own: false };
      }));
      return list.length ? list : [{ words: own, own: true }];
    });
    var combos = [[]];
    choices.forEach(function (list) {
      var next = [];
      combos.forEach(function (combo) { list.forEach(function (choice) { next.push(combo.concat([choice])); }); });
      combos = next.slice(0, MAX_VARIANTS);
    });
    return combos.map(function (combo) {
      var out = [], at = 0;
      combo.forEach(function (choice, index) {
        out = out.concat(words.slice(at, spans[index].at), choice.words);
        at = spans[index].at + spans[index].length;
      });
      return { query: out.concat(words.slice(at)).join(" "), own: combo.every(function (choice) { return choice.own; }) };
    });
  }

  /* Each word of the query (or synonym phrase) with its alternatives: what closest() counts as one word found. */
  function concepts(understood) {
    var words = understood.words, spans = understood.spans || [], list = [];
    for (var index = 0; index < words.length; index++) {
      var span = spans.filter(function (s) { return s.at === index; })[0];
      if (span) {
        var phrases = (span.keepOriginal ? [words.slice(index, index + span.length).join(" ")] : [])
          .concat(span.others.map(function (other) { return other.join(" "); }));
        list.push(phrases.length ? phrases : [words.slice(index, index + span.length).join(" ")]);
        index += span.length - 1;
      } else {
        list.push([words[index]]);
      }
    }
    return list;
  }

  /* Every variant searched; each page keeps its best score (the variants differ by one phrase, so Pagefind's
     scores compare), the reader's own words weighing more than a synonym (SYNONYM_WEIGHT). */
  /* The reader's own words first; the synonym variants only when they find fewer than ENOUGH pages (each variant
     downloads its own index chunks: « offre d’emploi » alone finds plenty, and costs a third less that way). */
  function searchAll(module, understood, filters) {
    var words = understood.words;
    var queries = words.length ? variants(understood) : [{ query: null, own: true }];
    var own = queries[0].own ? module.search(queries[0].query, { filters: filters }) : Promise.resolve(null);
    return own.then(function (first) {
      if (first && (first.results.length >= ENOUGH || queries.length === 1)) return [first];
      var rest = queries.slice(first ? 1 : 0);
      return Promise.all(rest.map(function (q) { return module.search(q.query, { filters: filters }); })).then(function (more) {
        if (!first) return more;
        queries = [queries[0]].concat(rest);
        return [first].concat(more);
      });
    }).then(function (searches) {
      var pages = {}, order = [];
      searches.forEach(function (search, index) {
        var results = (search && search.results) || [];
        results.forEach(function (result) {
          var score = (result.score || 0) * (queries[index].own ? 1 : SYNONYM_WEIGHT);
          if (!pages[result.id]) { pages[result.id] = { result: result, score: score }; order.push(result.id); }
          else if (score > pages[result.id].score) pages[result.id].score = score;
        });
      });
      var results = order.map(function (id) { return pages[id]; }).sort(function (a, b) { return b.score - a.score; })
        .map(function (page) { return page.result; });
      var wanted = concepts(understood);
      if (results.length >= 3 || wanted.length < 2) return { results: results, partial: false };
      // Few pages hold every word: after them, the pages that hold most of the words.
      return closest(module, wanted, filters).then(function (more) {
        var seen = {};
        results.forEach(function (result) { seen[result.id] = true; });
        var added = more.filter(function (result) { return !seen[result.id]; });
        return { results: results.concat(added), partial: added.length ? (results.length ? "some" : "all") : false };
      });
    });
  }

  /* The pages holding the most words of the query (each word with its synonyms), one search per word: more words
     found first, then Pagefind's score. */
  function closest(module, wanted, filters) {
    wanted = wanted.filter(function (phrases) {
      return !(phrases.length === 1 && (phrases[0].length < 2 || STOP_WORDS.has(phrases[0].toLowerCase())));
    });
    if (wanted.length < 2) return Promise.resolve([]);
    return Promise.all(wanted.map(function (phrases) {
      return Promise.all(phrases.map(function (phrase) { return module.search(phrase, { filters: filters }); }));
    })).then(function (byWord) {
      var pages = {};
      byWord.forEach(function (searches) {
        var best = {};
        searches.forEach(function (search) {
          ((search && search.results) || []).forEach(function (result) {
            if (!best[result.id] || result.score > best[result.id].score) best[result.id] = result;
          });
        });
        Object.keys(best).forEach(function (id) {
          var page = pages[id] || (pages[id] = { result: best[id], words: 0, score: 0 });
          page.words += 1;
          page.score += best[id].score || 0;
        });
      });
      return Object.keys(pages).map(function (id) { return pages[id]; }).sort(function (a, b) {
        return b.words - a.words || b.score - a.score;
      }).map(function (page) { return page.result; });
    });
  }

  return { ready: loadSynonyms(), understand: understand, searchAll: searchAll };
}
