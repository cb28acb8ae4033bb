// Runs the sites' own search (Templates/assets/search.js) under Node on a built site folder:
// reads questions (one per line) on standard input, writes per question the answer
// addresses of its results, in order, and whether the page shows the "no good match" state.
// usage: node Benchmarks/search-rank.js <site folder> [search.js] < questions.txt
'use strict';
const fs = require('fs');
const path = require('path');
const site = process.argv[2];
const search = require(path.resolve(process.argv[3] || path.join(__dirname, '..', 'Templates', 'assets', 'search.js')))
  .createSearch(url => Promise.resolve(JSON.parse(fs.readFileSync(path.join(site, url)))));
const questions = fs.readFileSync(0, 'utf8').split('\n').filter(line => line.trim());
(async () => {
  const out = [];
  for (const question of questions) {
    const found = await search(question);
    out.push({ question, results: found.results.map(r => r.doc.u), weak: found.weak, coverage: found.results.length ? found.results[0].coverage : 0, covered: found.results.length ? found.results[0].covered : 0, best: found.results.length ? found.results[0].best : 0, score: found.results.length ? found.results[0].score : 0 });
  }
  process.stdout.write(JSON.stringify(out));
})();
