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
each keeps its best, and the ratios are also printed run by run. Every full
build starts from an empty output folder, for both sides: a new folder each
run, and the outputs of all runs are removed only after every timed build,
never between two (on this machine's ext4, mounted with `discard`, every
deletion waits for the disk, and file creation is several times slower for
a while after a mass deletion: it would slow whichever side runs next). Peak RSS comes from
/usr/bin/time (for Hugo's parallel mode, the largest of its processes).

Then the rebuilds into the previous output, the same number of rounds for
each: nothing changed (ours: `build`; Hugo: every site), one Nanjing answer
edited (ours: `build`, and `build --city nj`; Hugo: every site, and
Nanjing's site alone), a one-line template change, best and median of
each. Every timed build starts once the disk has written back what the one
before wrote, and once what our builds set aside to delete in the
background (their trash, beside the output) is gone: how long that took
after each case is printed, untimed. Hugo's rebuilds write over its
previous output (without --cleanDestinationDir, which would delete and
re-create every file): it leaves nothing to delete. Figures go to Benchmarks/results/hugo.md too.

usage: python3 Benchmarks/hugo.py [--runs 3] [--jobs N] [--provincial 500] [--per-city 1000]
           [--rebuilds-only | --full-builds-only] [--ours PATH | --skip-ours]
  --ours PATH (or OURS=PATH): a prebuilt portal12320, no `swift build`.
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import statistics
import sys
import tempfile
import time

import common

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
CONTENT = os.path.join(WORK, "Content")
TEMPLATES = os.path.join(WORK, "Templates")
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
    """One Hugo site per city; returns their directories. Made in memory, then only what differs is
    written (common.sync_tree): sites that are already right are left as they are, nothing deleted."""
    names = {category["key"]: category["name"] for category in portal["categories"]}
    answers = os.path.join(CONTENT, "answers")
    cities = sorted(d for d in os.listdir(answers) if d != "province")
    layouts = common.tree_files(os.path.join(HERE, "hugo-theme", "layouts"))
    logo = open(os.path.join(CONTENT, portal["logo"]), "rb").read()
    scopes = {scope: common.tree_files(os.path.join(answers, scope)) for scope in ["province"] + cities}
    files = {}
    for city in cities:
        files.update({os.path.join(city, "layouts", path): data for path, data in layouts.items()})
        files[os.path.join(city, "static", "logo.svg")] = logo
        files[os.path.join(city, "hugo.toml")] = hugo_config(city, portal).encode()
        for key, name in names.items():
            files[os.path.join(city, "content", key, "_index.md")] = f"---\ntitle: {name}\n---\n".encode()
        for scope in ("province", city):
            for file, data in scopes[scope].items():
                files[os.path.join(city, "content", category_of(file, data), file)] = data
    common.sync_tree(SITES, files)
    return [os.path.join(SITES, city) for city in cities]


def category_of(name, data):
    for line in data.decode().splitlines():
        if line.startswith("category:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit(f"{name}: no category")


def timed(work):
    """Wall-clock seconds taken by `work()`. The disk's dirty pages are written first, untimed:
    no side pays for writing back what the side before it wrote (20,000 files for Hugo's rebuilds).
    Then, untimed too, the wait for what our build left to delete in the background (its trash,
    beside the output) to be gone, noted in BACKGROUND_S: on this machine's ext4 (mounted with
    `discard`) every deletion waits for the disk, and deletions still running would slow whichever
    side runs next. The same wait comes first as well (what an untimed build before left)."""
    background_deletion()
    os.sync()
    start = time.perf_counter()
    work()
    elapsed = time.perf_counter() - start
    BACKGROUND_S.append(background_deletion())
    return elapsed


BACKGROUND_S = []


def background_deletion():
    """Seconds until every trash folder (`.<output>.trash`) in WORK is empty."""
    start = time.perf_counter()
    while any(os.listdir(os.path.join(WORK, name)) for name in os.listdir(WORK)
              if name.startswith(".") and name.endswith(".trash") and os.path.isdir(os.path.join(WORK, name))):
        if time.perf_counter() - start > 600:
            raise SystemExit("the background deletion of our trash did not end within 10 minutes")
        time.sleep(0.05)
    return time.perf_counter() - start


PEAK_RSS_KB = []


def run_quietly(command):
    """Runs `command` under /usr/bin/time, noting its peak RSS (KB) in PEAK_RSS_KB."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M"] + command, check=True, stdout=subprocess.DEVNULL)
        PEAK_RSS_KB.append(int(report.read().strip().splitlines()[-1]))


def hugo_command(site, output, clean=True):
    """Hugo building `site` into its folder of `output`. `clean=False` for rebuilds: Hugo then writes over
    its previous output, where --cleanDestinationDir would delete and re-create every file (on this
    machine twice as slow: each deletion waits for the disk's discard); no page is removed between
    rounds, so the output is the same."""
    return ["hugo", "--quiet", "-s", site, "-d", os.path.join(output, os.path.basename(site))] + (["--cleanDestinationDir"] if clean else [])


def hugo_sequential(sites, output):
    """The sites one after another."""
    for site in sites:
        run_quietly(hugo_command(site, output))


def hugo_parallel(sites, output, jobs, clean=True):
    """The sites pulled by `jobs` workers, each running one Hugo process at a time."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda site: run_quietly(hugo_command(site, output, clean)), sites))


def html_pages(directory):
    return sum(name.endswith(".html") for _, _, files in os.walk(directory) for name in files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="alternations of the sides; each keeps its best")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="Hugo workers in the parallel mode")
    parser.add_argument("--provincial", type=int, default=500, help="provincial answers (as build.sh)")
    parser.add_argument("--per-city", type=int, default=1000, help="answers per city (as build.sh)")
    parser.add_argument("--rebuilds-only", action="store_true", help="only the rebuilds into the previous output")
    parser.add_argument("--full-builds-only", action="store_true",
                        help="only the full builds into an empty folder (a large province, whose rebuilds take long)")
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    if args.runs < 1 or args.jobs < 1:
        parser.error("--runs and --jobs must be at least 1")
    if args.rebuilds_only and args.full_builds_only:
        parser.error("--rebuilds-only and --full-builds-only exclude each other")
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
        "hugo, one site after another": lambda output: hugo_sequential(sites, output),
        f"hugo, {args.jobs} sites at a time": lambda output: hugo_parallel(sites, output, args.jobs),
    }
    if ours_binary:
        # A copy of the theme, which the template case edits.
        shutil.rmtree(TEMPLATES, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "Templates"), TEMPLATES)
        ours_command = [ours_binary, "build", "--content", CONTENT, "--templates", TEMPLATES, "--output", ours_output]
        sides = {"ours": lambda output: run_quietly(ours_command[:-1] + [output]), **sides}
    # Each run's full builds go into folders of their own, removed after every timed build.
    run_outputs = []

    # The machine's speed drifts: alternate the sides, starting with another one each run.
    order = list(sides)
    times = {name: [] for name in order}
    pages = {name: set() for name in order}
    peaks = {name: 0 for name in order}
    # What earlier benchmark runs left is removed before anything is timed.
    for name in os.listdir(WORK):
        if name.startswith(("full-", ".full-")) or name == ".build-cache":
            shutil.rmtree(os.path.join(WORK, name), ignore_errors=True)
    for run in range(0 if args.rebuilds_only else args.runs):
        for name in order[run % len(order):] + order[:run % len(order)]:
            print(f"run {run + 1}/{args.runs}: {name}", file=sys.stderr, flush=True)
            # Into a new empty folder, for both sides: no side reuses a previous run's output (nor our build memory).
            output = os.path.join(WORK, f"full-{run}-{'ours' if name == 'ours' else 'hugo-' + str(order.index(name))}")
            run_outputs.append(output)
            PEAK_RSS_KB.clear()
            times[name].append(timed(lambda: sides[name](output)))
            peaks[name] = max([peaks[name]] + PEAK_RSS_KB)
            pages[name].add(html_pages(output))

    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    answers = args.provincial + len(sites) * args.per_city
    figures = [f"province: {len(sites)} cities, {args.provincial} provincial + {args.per_city} answers per city "
               f"({answers} answer files; Hugo: {len(sites)} sites); {args.runs} runs, each side's best",
               f"cores: {os.cpu_count()}; hugo {version}; Hugo's parallel mode: {args.jobs} workers"]
    labels = {"ours": "ours (one process: moderation, review gate, search, manifests)"}
    for name in order if not args.rebuilds_only else []:
        label = labels.get(name, name + " (plain rendering)")
        count = "/".join(str(n) for n in sorted(pages[name]))
        figures.append(f"{label:66} {min(times[name]):7.2f} s best, {statistics.median(times[name]):.2f} s median, "
                       f"peak RSS {peaks[name] / 1024:.0f} MB ({count} HTML pages; runs: "
                       f"{', '.join(f'{t:.2f}' for t in times[name])})")
    sequential, parallel = order[-2], order[-1]
    pairs = [(parallel, sequential)]
    if ours_binary:
        pairs = [(sequential, "ours"), (parallel, "ours")] + pairs
    for slower, faster in pairs if not args.rebuilds_only else []:
        figures.append(f"ratio {slower} / {faster}: {min(times[slower]) / min(times[faster]):.2f}x best to best "
                       f"(above 1: {faster} is faster)")
        figures.append("  within each run: " + ", ".join(f"{a / b:.2f}x" for a, b in zip(times[slower], times[faster])))
    if ours_binary and not args.full_builds_only:
        figures += incremental_cases(ours_command, sites, hugo_output, args.runs, args.jobs)
    for output in run_outputs:
        shutil.rmtree(output, ignore_errors=True)
        parent, base = os.path.split(output)
        for leftover in [f".{base}.spare", f".{base}.trash"]:
            shutil.rmtree(os.path.join(parent, leftover), ignore_errors=True)
        cache = os.path.join(parent, ".build-cache")
        for name in os.listdir(cache) if os.path.isdir(cache) else []:
            if name.startswith(base + "."):
                path = os.path.join(cache, name)
                shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) else os.remove(path)
    common.record("hugo", started, command, figures, [f"ours: {ours_origin}", f"hugo: {shutil.which('hugo')}"])


def add_line(path, line):
    """Appends a line to a template (a theme edit that changes every page)."""
    with open(path, "a", encoding="utf-8") as out:
        out.write(line + "\n")


def edit_answer(path, marker):
    """Adds a sentence to an answer's text (the way an editor saves one)."""
    with open(path, encoding="utf-8") as source:
        text = source.read()
    with open(path, "w", encoding="utf-8") as out:
        out.write(text.rstrip("\n") + f"\n\n{marker}\n")
    return text


def incremental_cases(ours_command, sites, hugo_output, runs, jobs):
    """Rebuilds into the previous output, both sides, the same number of rounds, alternating:
    nothing changed; one Nanjing answer edited (Hugo: every site, and Nanjing's alone);
    ours with --city nj after a Nanjing edit; a one-line template change (a comment in every
    page's footer: Hugo's baseof in each site, our footer partial). Best and median of each."""
    nanjing = next(site for site in sites if os.path.basename(site) == "nj")
    answer = os.path.join(CONTENT, "answers", "nj", "nj-00000.md")
    hugo_answer = next(os.path.join(folder, "nj-00000.md") for folder, _, files in os.walk(os.path.join(nanjing, "content"))
                       if "nj-00000.md" in files)
    # One full build each first, so every case rebuilds into an existing output.
    run_quietly(ours_command)
    hugo_parallel(sites, hugo_output, jobs)
    cases = [
        # Each "nothing changed" round follows an untimed build of the same kind: the rounds before changed things.
        ("nothing changed", "ours: build", lambda r: run_quietly(ours_command), lambda: run_quietly(ours_command)),
        ("nothing changed", f"hugo: all sites, {jobs} at a time", lambda r: hugo_parallel(sites, hugo_output, jobs, clean=False),
         lambda: hugo_parallel(sites, hugo_output, jobs, clean=False)),
        ("one Nanjing answer edited", "ours: build", lambda r: edit_answer(answer, f"EDIT-{r}-OURS"),
         lambda: run_quietly(ours_command)),
        ("one Nanjing answer edited", f"hugo: all sites, {jobs} at a time",
         lambda r: edit_answer(hugo_answer, f"EDIT-{r}-HUGO-ALL"), lambda: hugo_parallel(sites, hugo_output, jobs, clean=False)),
        ("one Nanjing answer edited", "hugo: Nanjing's site alone",
         lambda r: edit_answer(hugo_answer, f"EDIT-{r}-HUGO-NJ"), lambda: run_quietly(hugo_command(nanjing, hugo_output, clean=False))),
        ("one Nanjing answer edited", "ours: build --city nj", lambda r: edit_answer(answer, f"EDIT-{r}-OURS-NJ"),
         lambda: run_quietly(ours_command + ["--city", "nj"])),
        ("one-line template change", "ours: build", lambda r: add_line(footer, f"<!-- template {r} -->"),
         lambda: run_quietly(ours_command)),
        ("one-line template change", f"hugo: all sites, {jobs} at a time",
         lambda r: [add_line(layout, f"<!-- template {r} -->") for layout in layouts], lambda: hugo_parallel(sites, hugo_output, jobs, clean=False)),
    ]
    footer = os.path.join(TEMPLATES, "footer.mustache")
    layouts = [os.path.join(site, "layouts", "_default", "baseof.html") for site in sites]
    originals = {path: open(path, encoding="utf-8").read() for path in [answer, hugo_answer, footer] + layouts}
    times = {index: [] for index in range(len(cases))}
    peaks = {index: 0 for index in range(len(cases))}
    deletions = {index: 0.0 for index in range(len(cases))}
    try:
        for run in range(runs):
            for index, (case, side, prepare, work) in enumerate(cases):
                print(f"incremental run {run + 1}/{runs}: {case}: {side}", file=sys.stderr, flush=True)
                prepare(run)
                PEAK_RSS_KB.clear()
                times[index].append(timed(work))
                peaks[index] = max([peaks[index]] + PEAK_RSS_KB)
                deletions[index] = max(deletions[index], BACKGROUND_S[-1])
    finally:
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
    lines = ["", f"rebuilds into the previous output ({runs} rounds each, best / median, peak RSS):"]
    for index, (case, side, _, _) in enumerate(cases):
        after = f"; then up to {deletions[index]:.1f} s deleting in the background, untimed" if deletions[index] >= 0.1 else ""
        lines.append(f"  {case:28} {side:34} {min(times[index]):6.2f} s / {statistics.median(times[index]):6.2f} s, "
                     f"{peaks[index] / 1024:.0f} MB{after}")
    return lines


if __name__ == "__main__":
    main()
