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
    var found = [], seen = {}, han = [], word = '';
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

  var cache = {};
  // Outside a browser (the test that Swift and JavaScript tokenize alike), only the tokenizer.
  if (typeof module === 'object' && module.exports) {
    module.exports = { tokens: tokens, shard: shard };
    return;
  }
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) { return; }

  function json(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(url + ': ' + response.status); }
        return response.json();
      });
    }
    return cache[url];
  }

  // The scores of the documents holding the query's tokens: how many tokens each has, and their weighted score.
  function lookup(wanted, meta) {
    return Promise.all(wanted.map(function (token) {
      return json('/search/shards/' + shard(token, meta.shards) + '.json');
    })).then(function (shards) {
      var scores = new Map();
      wanted.forEach(function (token, index) {
        var postings = shards[index][token];
        if (!postings) { return; }
        var weight = Math.log(1 + meta.documents / (postings.length / 2));
        for (var p = 0; p < postings.length; p += 2) {
          var entry = scores.get(postings[p]) || { hits: 0, score: 0 };
          entry.hits += 1;
          entry.score += postings[p + 1] * weight;
          scores.set(postings[p], entry);
        }
      });
      return scores;
    });
  }

  // A query in traditional characters (預約掛號) read as the simplified text the site holds,
  // from a table of only the characters in the index, fetched only when the query as typed finds nothing.
  function simplified(query) {
    return json('/search/variants.json').then(function (table) {
      return Array.from(query).map(function (c) { return table[c] || c; }).join('');
    }, function () { return query; });
  }

  // The query's tokens, and those of the other words of each synonym group (search/synonyms.txt) a word of the query is in.
  function expanded(query, meta) {
    var wanted = tokens(query);
    (meta.synonyms || []).forEach(function (group) {
      var lower = query.toLowerCase();
      if (!group.some(function (word) { return lower.indexOf(word.toLowerCase()) >= 0; })) { return; }
      group.forEach(function (word) {
        tokens(word).forEach(function (token) { if (wanted.indexOf(token) < 0) { wanted.push(token); } });
      });
    });
    return wanted;
  }

  // Ranks by how many query tokens a document has, then by weighted score;
  // among the documents fetched, exact phrase matches come first.
  // Resolves to the results, the query as it was read, and whether even the best
  // result has fewer than half the query's own tokens (a weak match, shown as such).
  function search(query) {
    if (tokens(query).length === 0) { return Promise.resolve({ results: [], query: query, weak: false }); }
    return json('/search/meta.json').then(function (meta) {
      return lookup(expanded(query, meta), meta).then(function (scores) {
        if (scores.size > 0) { return { scores: scores, query: query }; }
        return simplified(query).then(function (read) {
          if (read === query) { return { scores: scores, query: query }; }
          return lookup(expanded(read, meta), meta).then(function (found) { return { scores: found, query: read }; });
        });
      }).then(function (found) {
        var ranked = Array.from(found.scores.entries()).sort(function (a, b) {
          return b[1].hits - a[1].hits || b[1].score - a[1].score || a[0] - b[0];
        }).slice(0, 10);
        var own = tokens(found.query).length;
        var weak = ranked.length > 0 && ranked[0][1].hits * 2 < own;
        return Promise.all(ranked.map(function (entry) { return json('/search/docs/' + entry[0] + '.json'); }))
          .then(function (documents) { return { documents: documents, query: found.query, weak: weak }; });
      });
    }).then(function (found) {
      var phrase = found.query.trim().toLowerCase();
      var results = found.documents.map(function (doc, rank) {
        var exact = (doc.t + '\n' + doc.x).toLowerCase().indexOf(phrase) >= 0;
        return { doc: doc, exact: exact, rank: rank };
      }).sort(function (a, b) { return (b.exact - a.exact) || (a.rank - b.rank); });
      return { results: results, query: found.query, weak: found.weak && !results.some(function (r) { return r.exact; }) };
    });
  }

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
  function snippet(text, phrase, terms) {
    var lower = text.toLowerCase(), at = lower.indexOf(phrase);
    for (var i = 0; at < 0 && i < terms.length; i++) { at = lower.indexOf(terms[i]); }
    var start = Math.max(0, at - 30);
    return (start > 0 ? '…' : '') + text.slice(start, start + 110).replace(/\s+/g, ' ') + (start + 110 < text.length ? '…' : '');
  }

  function show(query) {
    list.textContent = '';
    if (!query.trim()) { status.textContent = ''; return; }
    status.textContent = '正在搜索…';
    search(query).then(function (found) {
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
      status.textContent = '搜索暂时不可用，请稍后再试或拨打 12320。';
    });
  }

  // The query stays in the header's box too, so it can be changed there.
  var header = document.getElementById('site-search');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = input.value;
    history.replaceState(null, '', '?q=' + encodeURIComponent(query));
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
