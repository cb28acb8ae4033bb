#!/usr/bin/env python3
"""Our search against Pagefind (PyPI pagefind-bin-extended, Chinese
segmentation) on the same built city site, in one run:

- index build time (ours: the build's own figure for search indexes; Pagefind:
  its indexing command) and total index size;
- bytes one query transfers, counted by the HTTP server itself (every request,
  Pagefind's Web Worker and WebAssembly included), with text files sent
  gzip-compressed as nginx would, `Cache-Control: no-store` so nothing is
  served from a browser cache, on a fresh page per question;
- the questions of Benchmarks/search-questions/: `tuning.tsv` (the ranking was
  tuned on it) and `held-out.tsv` (written before any ranking was looked at,
  never used to tune), each judged as right answer first, in the top 3, and,
  for questions no published answer answers, whether the page says so
  (ours: no result or the "no good match" state; Pagefind: no result).
  A question whose answer is not published on the site (held back for
  review) counts as one without an answer.
- with --baseline BINARY [--baseline-templates DIR]: the same for an older
  build of ours, in the same run (how "today's" figures were measured).

usage: python3 Benchmarks/search.py [--site www.jsnj12320.cn] [--content Content]
    [--ours BINARY] [--baseline BINARY --baseline-templates DIR]
Writes Benchmarks/results/search-<site>.md and prints it.
"""
import argparse
import functools
import glob
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import common

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTION_SETS = [("tuning", "tuned on"), ("held-out", "never tuned on")]


def questions(name):
    """(question, answer id or None, kind) of Benchmarks/search-questions/<name>.tsv."""
    rows = []
    with open(os.path.join(ROOT, "Benchmarks", "search-questions", name + ".tsv"), encoding="utf-8") as file:
        for line in file:
            if line.strip() and not line.startswith("#"):
                question, answer, kind = line.rstrip("\n").split("\t")
                rows.append((question, None if answer == "-" else answer, kind))
    return rows


PAGEFIND_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind</title></head>
<body><ol id="results"></ol><script type="module">
window.runQuery = async function (q) {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(q);
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  const list = document.getElementById('results');
  list.textContent = '';
  for (const d of top) { const li = document.createElement('li'); li.textContent = d.url; list.appendChild(li); }
  document.body.dataset.done = '1';
};
</script></body></html>
"""


COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pagefind", ".wasm.gz")


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as nginx would (gzip for text files when asked, Pagefind's
    own compressed files as they are) and counts every byte of every response body."""
    sent = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().do_GET()
        data = open(path, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if not path.endswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with CountingHandler.lock:
            CountingHandler.sent += len(data)
        self.wfile.write(data)


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def counted():
    with CountingHandler.lock:
        return CountingHandler.sent


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def folder_size(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def answer_id(url):
    match = re.search(r"/answers/([^/]+)/", url)
    return match.group(1) if match else url


def build(binary, content, templates, output):
    """Builds the province; returns (build seconds, search index seconds)."""
    command = [binary, "build", "--content", content, "--output", output]
    if templates:
        command += ["--templates", templates]
    summary = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return float(re.search(r" in ([\d.]+) s", summary).group(1)), float(re.search(r"search indexes ([\d.]+) s", summary).group(1))


def run_ours(driver, base, question):
    """Top results, whether the page says no answer fits, bytes the query transferred."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(base + "/search/")
    before = counted()  # the page and its script are not the query's cost (see the table's note)
    box = driver.find_element(By.ID, "search-query")
    box.send_keys(question)
    driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在搜索…"))
    ids = [answer_id(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .answer-title")]
    status = driver.find_element(By.ID, "search-status").text
    return ids, ("没有找到" in status), counted() - before


def run_pagefind(driver, base, question):
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.webdriver.common.by import By
    driver.get(base + "/pagefind-bench.html")
    before = counted()
    driver.execute_script("window.runQuery(arguments[0])", question)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.done === '1'"))
    ids = [answer_id(li.text) for li in driver.find_elements(By.CSS_SELECTOR, "#results li")]
    return ids, not ids, counted() - before


def judge(rows, runs):
    """(first, top 3, answerable, no-answer state right, no-answer questions)."""
    answerable = [(row, run) for row, run in zip(rows, runs) if row[1]]
    unanswered = [(row, run) for row, run in zip(rows, runs) if not row[1]]
    first = sum(1 for row, run in answerable if run[0][:1] == [row[1]])
    top3 = sum(1 for row, run in answerable if row[1] in run[0][:3])
    said = sum(1 for row, run in unanswered if run[1] or not run[0])
    return first, top3, len(answerable), said, len(unanswered)


def percent(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "–"


def median(values):
    return sorted(values)[len(values) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="www.jsnj12320.cn")
    parser.add_argument("--content", default="Content")
    parser.add_argument("--baseline", metavar="BINARY", help="an older build of ours, measured in the same run")
    parser.add_argument("--baseline-templates", metavar="DIR", help="the theme that older build shipped with")
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    started = common.utc_now()
    command = common.command_line(["OURS"])
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pagefind[extended]"], check=True)

    ours_binary, ours_origin = common.ours_binary(args, "portal12320")
    work = tempfile.mkdtemp(prefix="search-bench-")
    sides = [("ours", ours_binary, None)]
    if args.baseline:
        sides.append(("ours, baseline", os.path.abspath(args.baseline), args.baseline_templates))
    built = {}
    for name, binary, templates in sides:
        output = os.path.join(work, name.replace(", ", "-"))
        seconds, index_seconds = build(binary, args.content, templates, output)
        site = os.path.join(output, args.site)
        built[name] = (site, seconds, index_seconds)
    site = built["ours"][0]
    published = {answer_id(document["u"]) for f in glob.glob(os.path.join(site, "search", "docs", "*.json"))
                 for document in json.load(open(f))}
    sets = {name: [(q, a if a in published else None, k) for q, a, k in questions(name)] for name, _ in QUESTION_SETS}

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--site", site, "--output-subdir", "pagefind",
                    "--glob", "answers/**/*.html"], check=True, stdout=subprocess.DEVNULL)
    pagefind_seconds = time.perf_counter() - start
    pagefind_size = folder_size(os.path.join(site, "pagefind"))
    open(os.path.join(site, "pagefind-bench.html"), "w", encoding="utf-8").write(PAGEFIND_PAGE)

    tools = [(name, built[name][0], run_ours) for name, _, _ in sides] + [("Pagefind", site, run_pagefind)]
    runs = {(tool, set_name): [] for tool, _, _ in tools for set_name, _ in QUESTION_SETS}
    page_bytes = {}
    driver = browser()
    try:
        for tool, folder, run in tools:
            server = serve(folder)
            base = f"http://127.0.0.1:{server.server_address[1]}"
            if run is run_ours:
                before = counted()
                driver.get(base + "/search/")
                page_bytes[tool] = counted() - before
            for set_name, _ in QUESTION_SETS:
                for question, _, _ in sets[set_name]:
                    runs[(tool, set_name)].append(run(driver, base, question))
            server.shutdown()
    finally:
        driver.quit()

    names = [tool for tool, _, _ in tools]
    lines = [
        f"# Search: ours vs Pagefind on {args.site} ({len(published)} published answers)",
        "",
        f"- command: `{command}`",
        f"- date (UTC): {started}",
        f"- commit: {common.commit()}",
        f"- ours: {ours_origin}",
    ]
    if args.baseline:
        lines.append(f"- ours, baseline: {args.baseline} with the theme {args.baseline_templates or 'Templates'}")
    lines += ["", "| | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    index_cells = [f"{built[n][2]:.2f} s ({100 * built[n][2] / built[n][1]:.1f} % of the {built[n][1]:.2f} s province build)" for n, _, _ in sides]
    lines.append("| index build time | " + " | ".join(index_cells + [f"{pagefind_seconds:.2f} s (this site only)"]) + " |")
    sizes = [folder_size(os.path.join(built[n][0], "search")) - os.path.getsize(os.path.join(built[n][0], "search", "index.html")) for n, _, _ in sides]
    lines.append("| total index size | " + " | ".join([f"{size / 1024:.0f} KiB" for size in sizes] + [f"{pagefind_size / 1024:.0f} KiB"]) + " |")
    for set_name, meaning in QUESTION_SETS:
        rows = sets[set_name]
        judged = {tool: judge(rows, runs[(tool, set_name)]) for tool in names}
        lines.append(f"| **{set_name}** ({len(rows)} questions, {meaning}): right answer first | " + " | ".join(percent(judged[t][0], judged[t][2]) for t in names) + " |")
        lines.append(f"| {set_name}: right answer in the top 3 | " + " | ".join(percent(judged[t][1], judged[t][2]) for t in names) + " |")
        lines.append(f"| {set_name}: no answer on the site, and the page says so | " + " | ".join(percent(judged[t][3], judged[t][4]) for t in names) + " |")
        weak = {t: sum(1 for row, run in zip(rows, runs[(t, set_name)]) if row[1] and run[1] and run[0]) for t in names if t != "Pagefind"}
        lines.append(f"| {set_name}: answerable, but shown as no good match | " + " | ".join(str(weak[t]) if t in weak else "(no such state)" for t in names) + " |")
    every = {t: [run[2] for set_name, _ in QUESTION_SETS for run in runs[(t, set_name)]] for t in names}
    lines.append("| bytes per query, median (min–max), at the server | " + " | ".join(
        f"{median(every[t]) / 1024:.1f} KiB ({min(every[t]) / 1024:.1f}–{max(every[t]) / 1024:.1f})" for t in names) + " |")
    lines.append("| search page with its script, loaded before the query | " + " | ".join(
        f"{page_bytes[t] / 1024:.1f} KiB" if t in page_bytes else "(none: script loaded by the query, counted above)" for t in names) + " |")
    lines += ["", "Per question (first three results; the answer needed in bold; ∅ marks the page saying no answer fits):", ""]
    for set_name, _ in QUESTION_SETS:
        lines += [f"### {set_name}", "", "| question | kind | answer needed | " + " | ".join(names) + " |", "|---" * (len(names) + 3) + "|"]
        for index, (question, expected, kind) in enumerate(sets[set_name]):
            cells = []
            for tool in names:
                ids, said, _ = runs[(tool, set_name)][index]
                shown = ", ".join(f"**{i}**" if i == expected else i for i in ids[:3]) or "(none)"
                cells.append(("∅ " if said and ids else "") + shown)
            lines.append(f"| {question} | {kind} | {expected or '(none on this site)'} | " + " | ".join(cells) + " |")
        lines.append("")
    report = "\n".join(lines) + "\n"
    os.makedirs(HERE_RESULTS, exist_ok=True)
    open(os.path.join(HERE_RESULTS, f"search-{args.site}.md"), "w", encoding="utf-8").write(report)
    print(report)
    shutil.rmtree(work, ignore_errors=True)


HERE_RESULTS = os.path.join(ROOT, "Benchmarks", "results")

if __name__ == "__main__":
    main()
