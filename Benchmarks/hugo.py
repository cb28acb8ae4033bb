#!/usr/bin/env python3
"""The province build, ours against Hugo (Debian's `hugo`), in one run on the
synthetic province of Benchmarks/build.sh.

Hugo gets the same answers laid out as 13 Hugo sites, one per city: the
provincial answers plus the city's own, one section per category, with a
theme (Benchmarks/hugo-theme) that renders the same pages ours does: home,
category lists, answers with breadcrumbs and related questions, 404, feed
and sitemap. Hugo does plain rendering only; our build also moderates every
answer, applies the review gate, builds the search index and writes
SHA-256 manifests.

Ours is one process for the whole province. Hugo is timed two ways in the
same run: the 13 sites one after another, and the 13 sites pulled by
`--jobs` workers (default: one per core) so that Hugo too can use every
core across sites (each Hugo process also renders with every core). The
three sides alternate `--runs` times, the first side rotating each run;
each keeps its best, and the ratios are also printed run by run. Figures go
to Benchmarks/results/hugo.md too.

usage: python3 Benchmarks/hugo.py [--runs 3] [--jobs N] [--provincial 500] [--per-city 1000]
           [--ours PATH | --skip-ours]
  --ours PATH (or OURS=PATH): a prebuilt portal12320, no `swift build`.
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import time

import common

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
CONTENT = os.path.join(WORK, "Content")
SITES = os.path.join(WORK, "hugo")


def ensure_tools(provincial, per_city):
    """Hugo and PyYAML when missing, and a fresh synthetic province of the given size."""
    if shutil.which("hugo") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "hugo"], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    try:
        import yaml  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyyaml"], check=True)
    # Always regenerated (the generator is seeded): a province left by another
    # run of build.sh may have another size.
    subprocess.run([sys.executable, os.path.join(HERE, "generate-province.py"), CONTENT,
                    "--provincial", str(provincial), "--per-city", str(per_city)], check=True)


def hugo_config(city, portal):
    domain = portal["domain_pattern"].replace("{abbr}", city)
    return "\n".join([
        f'baseURL = "https://{domain}/"',
        'languageCode = "zh-CN"',
        f'title = "{portal["name"]}12320卫生健康热线"',
        'disableKinds = ["taxonomy", "term"]',
        "[params]",
        f'slogan = "{portal["slogan"]}"',
        "[outputs]",
        'home = ["HTML", "RSS"]',
        'section = ["HTML"]',
        'page = ["HTML"]',
        "[frontmatter]",
        'date = ["updated", ":default"]',
        'lastmod = ["updated", ":default"]',
        "",
    ])


def make_sites(portal):
    """One Hugo site per city; returns their directories."""
    shutil.rmtree(SITES, ignore_errors=True)
    names = {category["key"]: category["name"] for category in portal["categories"]}
    answers = os.path.join(CONTENT, "answers")
    cities = sorted(d for d in os.listdir(answers) if d != "province")
    sites = []
    for city in cities:
        site = os.path.join(SITES, city)
        shutil.copytree(os.path.join(HERE, "hugo-theme", "layouts"), os.path.join(site, "layouts"))
        os.makedirs(os.path.join(site, "static"))
        shutil.copy(os.path.join(CONTENT, portal["logo"]), os.path.join(site, "static", "logo.svg"))
        with open(os.path.join(site, "hugo.toml"), "w", encoding="utf-8") as out:
            out.write(hugo_config(city, portal))
        for key, name in names.items():
            os.makedirs(os.path.join(site, "content", key))
            with open(os.path.join(site, "content", key, "_index.md"), "w", encoding="utf-8") as out:
                out.write(f"---\ntitle: {name}\n---\n")
        for folder in ("province", city):
            for file in sorted(os.listdir(os.path.join(answers, folder))):
                source = os.path.join(answers, folder, file)
                category = category_of(source)
                shutil.copy(source, os.path.join(site, "content", category, file))
        sites.append(site)
    return sites


def category_of(path):
    with open(path, encoding="utf-8") as text:
        for line in text:
            if line.startswith("category:"):
                return line.split(":", 1)[1].strip()
    raise SystemExit(f"{path}: no category")


def timed(work):
    """Wall-clock seconds taken by `work()`."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run_quietly(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def hugo_command(site, output):
    return ["hugo", "--quiet", "-s", site, "-d", os.path.join(output, os.path.basename(site)), "--cleanDestinationDir"]


def hugo_sequential(sites, output):
    """The sites one after another."""
    for site in sites:
        run_quietly(hugo_command(site, output))


def hugo_parallel(sites, output, jobs):
    """The sites pulled by `jobs` workers, each running one Hugo process at a time."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda site: run_quietly(hugo_command(site, output)), sites))


def html_pages(directory):
    return sum(name.endswith(".html") for _, _, files in os.walk(directory) for name in files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="alternations of the sides; each keeps its best")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="Hugo workers in the parallel mode")
    parser.add_argument("--provincial", type=int, default=500, help="provincial answers (as build.sh)")
    parser.add_argument("--per-city", type=int, default=1000, help="answers per city (as build.sh)")
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    if args.runs < 1 or args.jobs < 1:
        parser.error("--runs and --jobs must be at least 1")
    started = common.utc_now()
    command = common.command_line(["OURS"])
    ensure_tools(args.provincial, args.per_city)
    ours_binary, ours_origin = common.ours_binary(args, "portal12320")
    import yaml

    portal = yaml.safe_load(open(os.path.join(CONTENT, "portal.yml"), encoding="utf-8"))
    sites = make_sites(portal)
    ours_output = os.path.join(WORK, "dist")
    hugo_output = os.path.join(WORK, "hugo-public")
    sides = {
        "hugo, one site after another": lambda: hugo_sequential(sites, hugo_output),
        f"hugo, {args.jobs} sites at a time": lambda: hugo_parallel(sites, hugo_output, args.jobs),
    }
    if ours_binary:
        ours_command = [ours_binary, "build", "--content", CONTENT, "--templates", os.path.join(ROOT, "Templates"),
                        "--output", ours_output]
        sides = {"ours": lambda: run_quietly(ours_command), **sides}
    outputs = {name: ours_output if name == "ours" else hugo_output for name in sides}

    # The machine's speed drifts: alternate the sides, starting with another one each run.
    order = list(sides)
    times = {name: [] for name in order}
    pages = {name: set() for name in order}
    for run in range(args.runs):
        for name in order[run % len(order):] + order[:run % len(order)]:
            print(f"run {run + 1}/{args.runs}: {name}", file=sys.stderr, flush=True)
            times[name].append(timed(sides[name]))
            pages[name].add(html_pages(outputs[name]))

    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    answers = args.provincial + len(sites) * args.per_city
    figures = [f"province: {len(sites)} cities, {args.provincial} provincial + {args.per_city} answers per city "
               f"({answers} answer files; Hugo: {len(sites)} sites); {args.runs} runs, each side's best",
               f"cores: {os.cpu_count()}; hugo {version}; Hugo's parallel mode: {args.jobs} workers"]
    labels = {"ours": "ours (one process: moderation, review gate, search, manifests)"}
    for name in order:
        label = labels.get(name, name + " (plain rendering)")
        count = "/".join(str(n) for n in sorted(pages[name]))
        figures.append(f"{label:66} {min(times[name]):7.2f} s  ({count} HTML pages; runs: "
                       f"{', '.join(f'{t:.2f}' for t in times[name])})")
    sequential, parallel = order[-2], order[-1]
    pairs = [(parallel, sequential)]
    if ours_binary:
        pairs = [(sequential, "ours"), (parallel, "ours")] + pairs
    for slower, faster in pairs:
        figures.append(f"ratio {slower} / {faster}: {min(times[slower]) / min(times[faster]):.2f}x best to best "
                       f"(above 1: {faster} is faster)")
        figures.append("  within each run: " + ", ".join(f"{a / b:.2f}x" for a, b in zip(times[slower], times[faster])))
    common.record("hugo", started, command, figures, [f"ours: {ours_origin}", f"hugo: {shutil.which('hugo')}"])


if __name__ == "__main__":
    main()
