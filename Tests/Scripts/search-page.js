// Runs the search page's own script (Templates/assets/search.js) as a browser would, in a
// Node vm with a small stand-in for the page's DOM and for fetch, whose answers the test
// holds back, fails or switches to another build at will. Used by SearchPageTests.
// usage: node search-page.js <search.js> <scenario> <site folder> [second site folder]
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const [script, scenario, site, otherSite] = process.argv.slice(2);

class Element {
  constructor(tag, id) { this.tag = tag; this.id = id; this.children = []; this.text = ''; this.listeners = {}; this.value = ''; this.classes = new Set(); }
  appendChild(child) { this.children.push(child); return child; }
  set textContent(value) { this.children = []; this.text = String(value); }
  get textContent() { return this.text + this.children.map((c) => c.textContent).join(''); }
  addEventListener(type, listener) { this.listeners[type] = listener; }
  get classList() { const c = this.classes; return { toggle: (name, on) => (on ? c.add(name) : c.delete(name)) }; }
}
const page = {};
for (const id of ['search-form', 'search-query', 'search-status', 'search-results', 'site-search']) { page[id] = new Element('x', id); }
const document = {
  getElementById: (id) => page[id] || null,
  createElement: (tag) => new Element(tag),
  createTextNode: (text) => { const e = new Element('#text'); e.text = text; return e; },
  createDocumentFragment: () => new Element('#fragment'),
};

let root = site;
const requested = [];
const held = new Map();   // url prefix -> release function list
const failing = new Set(); // url prefixes that fail once
function fetch(url) {
  requested.push(url);
  const file = path.join(root, url.split('?')[0]);
  const answer = () => {
    const prefix = [...failing].find((p) => url.startsWith(p));
    if (prefix) { failing.delete(prefix); return { ok: false, status: 503, json: () => Promise.reject(new Error('503')) }; }
    const body = fs.readFileSync(file, 'utf8');
    return { ok: true, status: 200, json: () => Promise.resolve(JSON.parse(body)) };
  };
  const prefix = [...held.keys()].find((p) => url.startsWith(p));
  if (prefix) { return new Promise((resolve) => held.get(prefix).push(() => resolve(answer()))); }
  return Promise.resolve().then(answer);
}
const sandbox = { document, fetch, console, URLSearchParams, TextEncoder, Promise, Map, Set, Array, Object, Math, JSON, String,
  window: { location: { search: '' } }, history: { replaceState() {} } };
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(script, 'utf8'), sandbox);

async function settle() { for (let i = 0; i < 50; i++) { await new Promise((r) => setImmediate(r)); } }
function submit(query) { page['search-query'].value = query; page['search-form'].listeners.submit({ preventDefault() {} }); }
function shown() {
  return { status: page['search-status'].textContent,
           results: page['search-results'].children.map((li) => li.children[0].textContent) };
}
const { shard } = require(path.resolve(script));

(async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(site, 'search/meta.json'), 'utf8'));
  const out = {};
  if (scenario === 'race') {
    // The first search's shard answers only after the second search has shown its results.
    const slow = '/search/shards/' + shard('献血', meta.shards) + '.json';
    held.set(slow, []);
    submit('献血');
    await settle();
    submit('挂号');
    await settle();
    held.get(slow).forEach((release) => release());
    held.delete(slow);
    await settle();
    out.shown = shown();
  } else if (scenario === 'failure') {
    failing.add('/search/meta.json');
    submit('挂号');
    await settle();
    out.first = shown();
    submit('挂号');
    await settle();
    out.second = shown();
  } else if (scenario === 'deploy') {
    submit('挂号');
    await settle();
    out.before = shown();
    root = otherSite;  // a deploy switches the site while the page stays open
    requested.length = 0;
    submit('挂号');
    await settle();
    out.after = shown();
    out.requested = requested.slice();
  }
  process.stdout.write(JSON.stringify(out));
})();
