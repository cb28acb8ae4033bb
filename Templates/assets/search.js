// Search for 12320 city sites: reads the static index under /search/.
// Tokens are made exactly as the site generator makes them (SearchTokens.swift).
(function () {
  'use strict';
  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
  }
  function asciiAlphanumeric(c) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)) { return c; }
    if (c >= 0x41 && c <= 0x5A) { return c + 0x20; }
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF41 && c <= 0xFF5A)) { return c - 0xFEE0; }
    if (c >= 0xFF21 && c <= 0xFF3A) { return c - 0xFEE0 + 0x20; }
    return -1;
  }
  function tokens(text) {
    var found = [], seen = Object.create(null), han = [], word = '';
    function add(token) { if (!seen[token]) { seen[token] = true; found.push(token); } }
    function flushHan() {
      if (han.length === 1) { add(han[0]); }
      for (var i = 0; i + 1 < han.length; i++) { add(han[i] + han[i + 1]); }
      han = [];
    }
    function flushWord() { if (word.length >= 2) { add(word); } word = ''; }
    for (var ch of text) {
      var code = ch.codePointAt(0), lower = asciiAlphanumeric(code);
      if (isHan(code)) { flushWord(); han.push(ch); }
      else if (lower >= 0) { flushHan(); word += String.fromCharCode(lower); }
      else { flushHan(); flushWord(); }
    }
    flushHan(); flushWord();
    return found;
  }
  function shard(token, count) {
    var bytes = new TextEncoder().encode(token), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0; }
    return hash % count;
  }

  // Characters that carry no subject (particles, pronouns, question words): a bigram
  // holding one counts less, one holding two hardly at all, so 怎么 or 了去 cannot
  // outrank the one rare word that matters.
  var FILLER = '的了吗呢吧啊呀么嘛哦我你他她它们是在有和与或就都也还又很把被给让对从到去来个这那哪些什怎样何请问下想能可以会要该应得着过';
  function fillerWeight(token) {
    var filler = 0, count = 0;
    for (var ch of token) { count += 1; if (FILLER.indexOf(ch) >= 0) { filler += 1; } }
    if (filler === 0) { return 1; }
    return filler === count ? 0.15 : 0.4;
  }
  // How rare a token is on the site (BM25's inverse document frequency);
  // a token no answer holds counts as the rarest.
  function rarity(df, documents) { return Math.log(1 + (documents - df + 0.5) / (df + 0.5)); }

  // The longest run of the query's characters found as written in `text` ('' if none of two or more).
  function longestRun(query, text) {
    var chars = Array.from(query), best = '';
    for (var start = 0; start < chars.length; start++) {
      for (var end = chars.length; end - start > Math.max(Array.from(best).length, 1); end--) {
        var run = chars.slice(start, end).join('');
        if (text.indexOf(run) >= 0) { best = run; break; }
      }
    }
    return best;
  }

  // `text` with full-width letters and digits as ASCII and ASCII capitals small, one code point for one,
  // so positions in it are positions in `text`.
  function folded(text) {
    return Array.from(text).map(function (c) {
      var lower = asciiAlphanumeric(c.codePointAt(0));
      return lower >= 0 ? String.fromCharCode(lower) : c;
    }).join('');
  }
  // Where `word` stands in `text` (both folded) as a word: not inside a longer run of
  // letters and digits (HIV in 'archive' is not HIV). -1 if nowhere.
  function wordAt(text, word) {
    var alnum = /[a-z0-9]/;
    for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      var before = text.charAt(at - 1), after = text.charAt(at + word.length);
      if (!(alnum.test(word.charAt(0)) && alnum.test(before)) && !(alnum.test(word.charAt(word.length - 1)) && alnum.test(after))) { return at; }
    }
    return -1;
  }

  // The search over the index at /search/, fetching its files with `json(url)`.
  function createSearch(json) {
    // Each token's postings ([document, weight, …]; empty when no answer holds it).
    function postings(list, meta, into) {
      var missing = list.filter(function (token) { return !into[token]; });
      return Promise.all(missing.map(function (token) {
        return json('/search/shards/' + shard(token, meta.shards) + '.json');
      })).then(function (shards) {
        // Own properties only: a token such as `constructor` must not read Object's.
        missing.forEach(function (token, index) {
          into[token] = Object.prototype.hasOwnProperty.call(shards[index], token) ? shards[index][token] : [];
        });
        return into;
      });
    }

    // The query as the units a reader sees in it (each Han character, each ASCII word, a
    // filler character weighing less) and the tokens that can match them.
    function parse(query) {
      var units = [], runs = [], words = [], han = [], word = '', wordStart = 0, index = 0;
      function flushHan() { if (han.length) { runs.push(han); } han = []; }
      function flushWord() {
        if (word.length >= 2) { words.push({ token: word, unit: units.length, index: wordStart, length: word.length }); units.push({ weight: 1 }); }
        word = '';
      }
      for (var ch of query) {
        var code = ch.codePointAt(0), lower = asciiAlphanumeric(code);
        if (isHan(code)) {
          flushWord();
          han.push({ ch: ch, unit: units.length, index: index });
          units.push({ weight: FILLER.indexOf(ch) >= 0 ? 0.3 : 1 });
        } else if (lower >= 0) {
          flushHan();
          if (!word) { wordStart = index; }
          word += String.fromCharCode(lower);
        } else { flushHan(); flushWord(); }
        index += 1;
      }
      flushHan(); flushWord();
      return { units: units, runs: runs, words: words };
    }

    // The bigrams that best cut a run of Han characters into words the site uses (as many
    // answers holding each as can be), so a bigram straddling two words (约渠 in 预约渠道)
    // counts little however rare it is. Returns, per position, whether the bigram starting there is chosen.
    function cut(run, found) {
      var best = new Array(run.length + 1).fill(0), take = new Array(run.length).fill(false);
      for (var i = run.length - 2; i >= 0; i--) {
        best[i] = best[i + 1];
        var df = found[run[i].ch + run[i + 1].ch].length / 2;
        if (df > 0 && Math.log(1 + df) + best[i + 2] > best[i]) { best[i] = Math.log(1 + df) + best[i + 2]; take[i] = true; }
      }
      var chosen = new Array(run.length).fill(false);
      for (var at = 0; at < run.length - 1;) {
        if (take[at]) { chosen[at] = true; at += 2; } else { at += 1; }
      }
      return chosen;
    }

    // The terms of one reading of the query: token, weight, the query's units it stands for,
    // and how much of them a match covers.
    function terms(query, meta) {
      var parsed = parse(query), found = Object.create(null), own = [];
      parsed.runs.forEach(function (run) {
        if (run.length === 1) { own.push(run[0].ch); }
        for (var i = 0; i + 1 < run.length; i++) { own.push(run[i].ch + run[i + 1].ch); }
      });
      parsed.words.forEach(function (w) { own.push(w.token); });
      var lower = folded(query), groups = [];
      (meta.synonyms || []).forEach(function (group) {
        var here = group.filter(function (w) { return wordAt(lower, folded(w)) >= 0; });
        if (here.length) { groups.push({ group: group, here: here }); }
      });
      var synonymTokens = [];
      groups.forEach(function (g) { g.group.forEach(function (w) { synonymTokens = synonymTokens.concat(tokens(w)); }); });
      return postings(own.concat(synonymTokens), meta, found).then(function () {
        var list = [], hanCount = 0;
        parsed.runs.forEach(function (run) {
          run.forEach(function (c) { if (FILLER.indexOf(c.ch) < 0) { hanCount += 1; } });
          if (run.length === 1) {
            list.push({ token: run[0].ch, weight: fillerWeight(run[0].ch), units: [run[0].unit], cover: 1 });
            return;
          }
          var chosen = cut(run, found);
          for (var i = 0; i + 1 < run.length; i++) {
            var token = run[i].ch + run[i + 1].ch;
            list.push({ token: token, weight: fillerWeight(token) * (chosen[i] ? 1 : search.straddleWeight),
                        units: [run[i].unit, run[i + 1].unit], cover: chosen[i] ? 1 : 0.5 });
          }
        });
        parsed.words.forEach(function (w) {
          list.push({ token: w.token, weight: 1, units: [w.unit], cover: 1 });
        });
        // A resident's word stands for its group's other words: their tokens cover it, together weighing what it weighs.
        groups.forEach(function (g) {
          g.here.forEach(function (word) {
            var at = wordAt(lower, folded(word));
            var span = Array.from(lower.slice(0, at)).length, length = Array.from(word).length;
            var covered = unitsOf(parsed, span, length);
            var ownCount = Math.max(1, tokens(word).length);
            g.group.forEach(function (other) {
              var otherTokens = tokens(other);
              otherTokens.forEach(function (token) {
                list.push({ token: token, weight: fillerWeight(token) * Math.min(1, ownCount / otherTokens.length), units: covered, cover: 1 });
              });
            });
          });
        });
        // Characters no chosen bigram covers: tried alone when the query is short (one wrong
        // character must not lose everything) or when none of its bigrams is on the site.
        var anyFound = list.some(function (term) { return found[term.token].length > 0; });
        var coveredUnits = Object.create(null);
        list.forEach(function (term) { if (term.cover === 1 && found[term.token].length) { term.units.forEach(function (u) { coveredUnits[u] = true; }); } });
        var single = [];
        if (hanCount <= search.shortQuery || !anyFound) {
          parsed.runs.forEach(function (run) {
            if (run.length === 1) { return; }
            run.forEach(function (c) {
              if (!coveredUnits[c.unit] && FILLER.indexOf(c.ch) < 0) {
                single.push({ token: c.ch, weight: search.characterWeight, units: [c.unit], cover: 0.5 });
              }
            });
          });
        }
        return postings(single.map(function (t) { return t.token; }), meta, found).then(function () {
          return { list: list.concat(single), found: found, units: parsed.units, characters: !anyFound };
        });
      });
    }

    // The units of the query from character `start`, `length` characters long.
    function unitsOf(parsed, start, length) {
      var units = [];
      parsed.runs.forEach(function (run) {
        run.forEach(function (c) { if (c.index >= start && c.index < start + length) { units.push(c.unit); } });
      });
      parsed.words.forEach(function (w) { if (w.index < start + length && w.index + w.length > start) { units.push(w.unit); } });
      return units;
    }

    // One reading of the query: the documents ranked by score, and how much of the query
    // the best ones cover (each unit at its weight: a filler character counts less).
    function ranked(query, meta) {
      return terms(query, meta).then(function (read) {
        var scores = new Map();
        read.list.forEach(function (term, index) {
          var list = read.found[term.token];
          var weight = term.weight * rarity(list.length / 2, meta.documents);
          for (var p = 0; p < list.length; p += 2) {
            var entry = scores.get(list[p]);
            if (!entry) { entry = { score: 0, terms: [] }; scores.set(list[p], entry); }
            entry.score += weight * list[p + 1] / 100;
            entry.terms.push(index);
          }
        });
        var total = read.units.reduce(function (sum, unit) { return sum + unit.weight; }, 0);
        var list = Array.from(scores.entries()).map(function (entry) {
          var cover = Object.create(null);
          entry[1].terms.forEach(function (index) {
            var term = read.list[index];
            term.units.forEach(function (u) { cover[u] = Math.max(cover[u] || 0, term.cover); });
          });
          var covered = 0;
          read.units.forEach(function (unit, u) { covered += unit.weight * (cover[u] || 0); });
          var coverage = total > 0 ? covered / total : 0;
          // An answer that covers more of the question ranks higher than one that matches a part of it well.
          return { id: entry[0], score: entry[1].score * Math.pow(coverage, search.coverageExponent), raw: entry[1].score, coverage: coverage };
        });
        list.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        var weights = Object.create(null);
        read.list.forEach(function (term) {
          weights[term.token] = Math.max(weights[term.token] || 0, term.weight * rarity(read.found[term.token].length / 2, meta.documents));
        });
        // A question of particles and question words only (怎么) asks about nothing in particular.
        var fillerOnly = read.units.every(function (unit) { return unit.weight < 1; });
        return { list: list, query: query, characters: read.characters, weights: weights, fillerOnly: fillerOnly };
      });
    }

    // Resolves to the results (documents with their ids), the query as it was read,
    // and whether even the best result covers too little of the query (a weak match, shown as such).
    // A query that fits badly as typed is read again in simplified characters.
    function search(typed) {
      // A question longer than this is read up to here: the phrase matching is quadratic in its length,
      // and a pasted page must not freeze the resident's browser.
      var query = Array.from(typed).slice(0, search.longestQuery).join('');
      if (tokens(query).length === 0) { return Promise.resolve({ results: [], query: query, weak: false }); }
      return json('/search/meta.json').then(function (meta) {
        var fit = function (reading) { return reading.list.length ? reading.list[0].coverage : -1; };
        return ranked(query, meta).then(function (reading) {
          if (fit(reading) >= search.strongCoverage || !/[^\x00-\x7f]/.test(query)) { return reading; }
          return simplified(query).then(function (read) {
            if (read === query) { return reading; }
            return ranked(read, meta).then(function (other) { return fit(other) > fit(reading) ? other : reading; });
          });
        }).then(function (reading) {
          // Answers far below the best are left out; so are answers that single characters
          // found for less than half of the question (量子计算机: 计, 算 and 机 apart find nothing useful).
          var top = reading.list.filter(function (entry) {
            return !reading.characters || entry.coverage >= search.characterCoverage;
          }).slice(0, search.fetched).filter(function (entry, index, all) {
            return entry.score >= all[0].score * search.keepFraction;
          });
          // Documents come documentsPerFile to a file: a file fetched once serves every result in it.
          // An index without that number (a release from before, rolled back to) has a document a file.
          var perFile = meta.documentsPerFile || 1;
          return Promise.all(top.map(function (entry) {
            return json('/search/docs/' + Math.floor(entry.id / perFile) + '.json').then(function (group) {
              return Array.isArray(group) ? group[entry.id % perFile] : group;
            });
          })).then(function (documents) {
            // Among those fetched, a run of the query found as written adds what its words weigh
            // again: in full in the title or tags, half in the text (where a link to another answer
            // repeats that answer's title).
            var phrase = folded(reading.query.trim());
            var weigh = function (text) {
              var run = tokens(longestRun(phrase, folded(text)));
              return run.length < 2 ? 0 : run.reduce(function (sum, token) { return sum + (reading.weights[token] || 0); }, 0);
            };
            var results = documents.map(function (doc, index) {
              var bonus = Math.max(weigh(doc.t + '\n' + (doc.g || '')), weigh(doc.x.join('\n')) / 2);
              return { doc: doc, id: top[index].id, coverage: top[index].coverage, raw: top[index].raw, score: top[index].score + search.runBonus * bonus };
            }).sort(function (a, b) { return b.score - a.score || a.id - b.id; });
            // Weak: only single characters matched, or the best answer covers little of the
            // question and scores less than one of the site's rarest words found in it would.
            var weak = reading.characters || !results.length || reading.fillerOnly ||
              (results[0].coverage < search.strongCoverage && top[0].raw < search.strongScore * rarity(0, meta.documents));
            return { results: results, query: reading.query, weak: weak && results.length > 0 };
          });
        });
      });
    }

    // A query in traditional characters (預約掛號) read as the simplified text the site holds,
    // from a table of only the characters in the index, fetched only when the query as typed fits badly.
    function simplified(query) {
      return json('/search/variants.json').then(function (table) {
        return Array.from(query).map(function (c) { return table[c] || c; }).join('');
      }, function () { return query; });
    }

    search.strongCoverage = 0.65;
    search.strongScore = 1;
    search.coverageExponent = 0.5;
    search.fetched = 10;
    search.keepFraction = 0.2;
    search.runBonus = 1;
    search.straddleWeight = 0.3;
    search.characterWeight = 0.4;
    search.characterCoverage = 0.25;
    search.shortQuery = 6;
    search.longestQuery = 100;
    return search;
  }

  // Outside a browser (the tests, and the benchmark's ranking runs), the tokenizer and the ranking.
  if (typeof module === 'object' && module.exports) {
    module.exports = { tokens: tokens, shard: shard, createSearch: createSearch };
    return;
  }
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) { return; }

  // Fetched index files, kept for the page's life; a failed fetch is forgotten, so the next search tries again.
  // meta.json is fetched afresh by every search: when its build changes (a deploy), all else is forgotten
  // too, and the other files are asked for with the build in their address, so no cache mixes two builds.
  var cache = Object.create(null), build = null;
  function fetchJSON(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) { throw new Error(url + ': ' + response.status); }
      return response.json();
    });
  }
  var search = createSearch(function (url) {
    if (url === '/search/meta.json') {
      return fetchJSON(url, { cache: 'no-cache' }).then(function (meta) {
        if (build !== null && meta.build !== build) { cache = Object.create(null); }
        build = meta.build;
        return meta;
      });
    }
    if (!cache[url]) {
      var pending = fetchJSON(url + (build ? '?b=' + encodeURIComponent(build) : ''));
      cache[url] = pending;
      pending.catch(function () { if (cache[url] === pending) { delete cache[url]; } });
    }
    return cache[url];
  });

  // Text with every occurrence of the terms wrapped in <mark>, built as nodes (never as HTML).
  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment(), lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var found = lower.indexOf(term, at);
        if (found >= 0 && (next < 0 || found < next || (found === next && term.length > length))) { next = found; length = term.length; }
      });
      if (next < 0) { break; }
      fragment.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(next, next + length);
      fragment.appendChild(mark);
      at = next + length;
    }
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }
  // The piece of the text that holds the phrase (else the first word of the query found, else the first), whole:
  // the build cut the pieces where no number or word is cut in two, and moderated each as it is shown here.
  function snippet(pieces, phrase, terms) {
    var wanted = [phrase].concat(terms), at = -1;
    for (var i = 0; at < 0 && i < wanted.length; i++) {
      for (var j = 0; at < 0 && j < pieces.length; j++) {
        if (wanted[i] && pieces[j].toLowerCase().indexOf(wanted[i]) >= 0) { at = j; }
      }
    }
    at = Math.max(at, 0);
    if (!pieces.length) { return ''; }
    return (at > 0 ? '…' : '') + pieces[at] + (at < pieces.length - 1 ? '…' : '');
  }

  // Only the latest search shows its results: an earlier, slower one that answers late is dropped.
  var latest = 0;
  function show(query) {
    var mine = ++latest;
    list.textContent = '';
    if (!query.trim()) { status.textContent = ''; return; }
    status.textContent = '正在搜索…';
    search(query).then(function (found) {
      if (mine !== latest) { return; }
      var results = found.results;
      var phrase = found.query.trim().toLowerCase();
      var terms = [phrase].concat(tokens(found.query));
      status.textContent = !results.length ? '没有找到相关答复，请换个说法，或拨打 12320 咨询。'
        : found.weak ? '没有找到完全符合的答复。以下 ' + results.length + ' 条可能相关；如仍未解答，请拨打 12320 咨询。'
        : '找到 ' + results.length + ' 条相关答复';
      list.classList.toggle('search-weak', found.weak);
      results.forEach(function (result) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = result.doc.u;
        link.className = 'answer-title';
        link.appendChild(highlighted(result.doc.t, terms));
        var meta = document.createElement('p');
        meta.className = 'answer-meta';
        meta.textContent = result.doc.c;
        var text = document.createElement('p');
        text.className = 'answer-excerpt';
        text.appendChild(highlighted(snippet(result.doc.x, phrase, terms), terms));
        item.appendChild(link);
        item.appendChild(meta);
        item.appendChild(text);
        list.appendChild(item);
      });
    }).catch(function () {
      if (mine !== latest) { return; }
      status.textContent = '搜索暂时不可用，请稍后再试或拨打 12320。';
    });
  }

  // The query stays in the header's box too, so it can be changed there.
  var header = document.getElementById('site-search');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    // A lone surrogate pasted in (broken text) cannot go into an address; the search runs all the same.
    var query = input.value;
    try { history.replaceState(null, '', '?q=' + encodeURIComponent(query)); } catch (ignored) { /* address kept */ }
    if (header) { header.value = query; }
    show(query);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    if (header) { header.value = initial; }
    show(initial);
  }
}());
