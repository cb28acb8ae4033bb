#!/usr/bin/env python3
"""The province build, ours against Hugo (Debian's `hugo`), in one run on the
synthetic province of Benchmarks/build.sh.

Hugo gets the same answers laid out as 13 Hugo sites, one per city: the
provincial answers plus the city's own, one section per category, with a
theme (Benchmarks/hugo-theme) that renders the same pages ours does: home,
category lists, answers with breadcrumbs and related questions, 404, feed
and sitemap. Hugo does plain rendering only; our build also moderates every
answer, applies the review gate, builds the search index and writes
SHA-256 manifests. Both sides run in turn, `--runs` times; each keeps its best.

usage: python3 Benchmarks/hugo.py [--runs 3]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
CONTENT = os.path.join(WORK, "Content")
SITES = os.path.join(WORK, "hugo")


def ensure_tools():
    if shutil.which("hugo") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "hugo"], check=True, stdout=subprocess.DEVNULL)
    try:
        import yaml  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyyaml"], check=True)
    if not os.path.isdir(CONTENT):
        subprocess.run([sys.executable, os.path.join(HERE, "generate-province.py"), CONTENT], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "portal12320"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


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


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def html_pages(directory):
    return sum(name.endswith(".html") for _, _, files in os.walk(directory) for name in files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_tools()
    import yaml

    portal = yaml.safe_load(open(os.path.join(CONTENT, "portal.yml"), encoding="utf-8"))
    sites = make_sites(portal)
    ours_binary = os.path.join(ROOT, ".build", "release", "portal12320")
    ours_output = os.path.join(WORK, "dist")
    ours_command = [ours_binary, "build", "--content", CONTENT, "--templates", os.path.join(ROOT, "Templates"),
                    "--output", ours_output]
    hugo_output = os.path.join(WORK, "hugo-public")
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(timed(ours_command))
        theirs.append(sum(timed(["hugo", "--quiet", "-s", site, "-d", os.path.join(hugo_output, os.path.basename(site)),
                                 "--cleanDestinationDir"]) for site in sites))

    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"cores: {os.cpu_count()}; hugo {version}")
    print(f"ours  (moderation, review gate, search, manifests):  {min(ours):6.2f} s  "
          f"({html_pages(ours_output)} HTML pages; runs: {', '.join(f'{t:.2f}' for t in ours)})")
    print(f"hugo  (plain rendering, 13 sites one after another): {min(theirs):6.2f} s  "
          f"({html_pages(hugo_output)} HTML pages; runs: {', '.join(f'{t:.2f}' for t in theirs)})")
    print(f"ratio hugo / ours: {min(theirs) / min(ours):.2f}x (above 1: ours is faster)")


if __name__ == "__main__":
    main()
