// Runs the sites' own search (Templates/assets/search.js) under Node on a built site folder:
// reads questions (one per line) on standard input, writes per question the answer
// addresses of its results, in order, whether the page shows the "no good match" state,
// and the gzip-compressed bytes of the index files the query read.
// For tuning without a browser; Benchmarks/search.py measures in Chromium.
// usage: node Benchmarks/search-rank.js <site folder> [search.js] < questions.txt
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const site = process.argv[2];
const { createSearch } = require(path.resolve(process.argv[3] || path.join(__dirname, '..', 'Templates', 'assets', 'search.js')));
const questions = fs.readFileSync(0, 'utf8').split('\n').filter(line => line.trim());
(async () => {
  const out = [];
  for (const question of questions) {
    const read = new Set();
    const search = createSearch(url => {
      const data = fs.readFileSync(path.join(site, url));
      read.add(url);
      return Promise.resolve(JSON.parse(data));
    });
    const found = await search(question);
    const bytes = [...read].reduce((sum, url) => sum + zlib.gzipSync(fs.readFileSync(path.join(site, url)), { level: 6 }).length, 0);
    out.push({ question, results: found.results.map(r => r.doc.u), weak: found.weak, bytes, coverage: found.results.length ? found.results[0].coverage : 0, raw: found.results.length ? found.results[0].raw : 0 });
  }
  process.stdout.write(JSON.stringify(out));
})();
