#!/usr/bin/env python3
"""Our search against Pagefind (PyPI pagefind-bin-extended, Chinese
segmentation) on the same built city site, in one run:

- index build time (ours: the build's own figure for search indexes; Pagefind:
  its indexing command) and total index size;
- bytes a browser downloads for one query on a fresh page, measured in
  Chromium through the DevTools network events (each file counted at its
  gzip size, as nginx would send it; Pagefind's own compressed files as they are);
- top-5 results for 20 realistic questions, judged against the answer a
  caller needs (recorded below), as top-1 hits, top-5 hits and mean
  reciprocal rank.

usage: python3 Benchmarks/search.py [--site www.jsnj12320.cn] [--content Content]
Writes Benchmarks/results/search-<site>.md and prints it.
"""
import argparse
import functools
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

# (question, the answer id that answers it) on the Nanjing sample site.
QUESTIONS = [
    ("网上怎么预约挂号", "appointment-online"),
    ("预约了去不了怎么取消", "appointment-cancel"),
    ("老人不会用手机挂号", "appointment-elderly"),
    ("怎么签约家庭医生", "family-doctor"),
    ("投诉医院服务态度", "medical-complaint"),
    ("出院后复印病历", "medical-records-copy"),
    ("异地就医怎么结算", "insurance-remote"),
    ("高血压门诊慢性病报销", "insurance-chronic"),
    ("刚出生的宝宝怎么参加医保", "insurance-newborn"),
    ("医保个人账户给父母用", "insurance-family-account"),
    ("流感疫苗每年都要打吗", "flu-vaccine"),
    ("孩子生病错过打疫苗", "vaccine-delay"),
    ("被狗咬了怎么办", "rabies-exposure"),
    ("怀孕了去哪里建档", "prenatal-care"),
    ("哪里领免费叶酸", "folic-acid"),
    ("献血者家属用血优惠", "blood-donation-benefit"),
    ("肺结核免费治疗", "tb-free-treatment"),
    ("艾滋病检测", "hiv-testing"),
    ("出生医学证明丢了补办", "birth-certificate-reissue"),
    ("健康证怎么办理", "health-certificate-apply"),
]

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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def fetched_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived":
            urls.append(message["params"]["response"]["url"])
    return urls


def wire_bytes(folder, base, urls):
    """Each distinct file at the size nginx would send: gzip for text, as is for compressed."""
    total = 0
    for url in sorted(set(urls)):
        path = url[len(base):].split("?")[0]
        file = os.path.join(folder, path.lstrip("/"))
        if path.endswith("/"):
            file = os.path.join(file, "index.html")
        if not os.path.isfile(file):
            continue
        data = open(file, "rb").read()
        if file.endswith(".pf_meta") or file.endswith(".pf_index") or file.endswith(".pf_fragment") or file.endswith(".pagefind"):
            total += len(data)
        else:
            total += min(len(data), len(gzip.compress(data, 6)))
    return total


def folder_size(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def answer_id(url):
    match = re.search(r"/answers/([^/]+)/", url)
    return match.group(1) if match else url


def judge(results):
    top1 = sum(1 for (q, expected), ids in zip(QUESTIONS, results) if ids[:1] == [expected])
    top5 = sum(1 for (q, expected), ids in zip(QUESTIONS, results) if expected in ids[:5])
    mrr = sum(1 / (ids.index(expected) + 1) for (q, expected), ids in zip(QUESTIONS, results) if expected in ids[:5]) / len(QUESTIONS)
    return top1, top5, mrr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="www.jsnj12320.cn")
    parser.add_argument("--content", default="Content")
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    started = common.utc_now()
    command = common.command_line(["OURS"])
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pagefind[extended]"], check=True)

    ours_binary, ours_origin = common.ours_binary(args, "portal12320")
    work = tempfile.mkdtemp(prefix="search-bench-")
    build = subprocess.run([ours_binary, "build", "--content", args.content,
                            "--output", os.path.join(work, "dist")], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    summary = build.strip().splitlines()[-1]
    build_seconds = float(re.search(r" in ([\d.]+) s", summary).group(1))
    ours_index_seconds = float(re.search(r"search indexes ([\d.]+) s", summary).group(1))
    site = os.path.join(work, "dist", args.site)
    documents = json.load(open(os.path.join(site, "search", "meta.json")))["documents"]
    ours_size = folder_size(os.path.join(site, "search"))

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--site", site, "--output-subdir", "pagefind",
                    "--glob", "answers/**/*.html"], check=True, stdout=subprocess.DEVNULL)
    pagefind_seconds = time.perf_counter() - start
    pagefind_size = folder_size(os.path.join(site, "pagefind"))
    open(os.path.join(site, "pagefind-bench.html"), "w", encoding="utf-8").write(PAGEFIND_PAGE)

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    driver = browser()
    ours, theirs, ours_bytes, theirs_bytes = [], [], [], []
    try:
        for question, _ in QUESTIONS:
            driver.get(base + "/search/")
            fetched_urls(driver)  # the page itself is not the query's cost
            box = driver.find_element(By.ID, "search-query")
            box.send_keys(question)
            driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
            WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在搜索…"))
            ours.append([answer_id(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .answer-title")][:5])
            ours_bytes.append(wire_bytes(site, base, fetched_urls(driver)))

            driver.get(base + "/pagefind-bench.html")
            fetched_urls(driver)
            driver.execute_script("window.runQuery(arguments[0])", question)
            WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.done === '1'"))
            theirs.append([answer_id(li.text) for li in driver.find_elements(By.CSS_SELECTOR, "#results li")])
            theirs_bytes.append(wire_bytes(site, base, fetched_urls(driver)))
    finally:
        driver.quit()
        server.shutdown()

    ours_judged, theirs_judged = judge(ours), judge(theirs)
    median = lambda values: sorted(values)[len(values) // 2]
    lines = [
        f"# Search: ours vs Pagefind on {args.site} ({documents} answers)",
        "",
        f"- command: `{command}`",
        f"- date (UTC): {started}",
        f"- commit: {common.commit()}",
        f"- ours: {ours_origin}",
        "",
        "| | ours | Pagefind (extended) |",
        "| --- | --- | --- |",
        f"| index build time | {ours_index_seconds:.2f} s ({100 * ours_index_seconds / build_seconds:.1f} % of our {build_seconds:.2f} s build of the province) | {pagefind_seconds:.2f} s (this site only) |",
        f"| total index size | {ours_size / 1024:.0f} KiB | {pagefind_size / 1024:.0f} KiB |",
        f"| bytes per query, median (min–max) | {median(ours_bytes) / 1024:.1f} KiB ({min(ours_bytes) / 1024:.1f}–{max(ours_bytes) / 1024:.1f}) | {median(theirs_bytes) / 1024:.1f} KiB ({min(theirs_bytes) / 1024:.1f}–{max(theirs_bytes) / 1024:.1f}) |",
        f"| right answer first (of 20) | {ours_judged[0]} | {theirs_judged[0]} |",
        f"| right answer in top 5 (of 20) | {ours_judged[1]} | {theirs_judged[1]} |",
        f"| mean reciprocal rank (top 5) | {ours_judged[2]:.2f} | {theirs_judged[2]:.2f} |",
        "",
        "| question | answer needed | ours, top 5 | Pagefind, top 5 |",
        "| --- | --- | --- | --- |",
    ]
    for (question, expected), mine, other in zip(QUESTIONS, ours, theirs):
        mark = lambda ids: ", ".join(f"**{i}**" if i == expected else i for i in ids) or "(none)"
        lines.append(f"| {question} | {expected} | {mark(mine)} | {mark(other)} |")
    report = "\n".join(lines) + "\n"
    os.makedirs(os.path.join(HERE_RESULTS), exist_ok=True)
    open(os.path.join(HERE_RESULTS, f"search-{args.site}.md"), "w", encoding="utf-8").write(report)
    print(report)
    shutil.rmtree(work, ignore_errors=True)


HERE_RESULTS = os.path.join(ROOT, "Benchmarks", "results")

if __name__ == "__main__":
    main()
