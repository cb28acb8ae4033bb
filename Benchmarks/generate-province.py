#!/usr/bin/env python3
"""Writes a synthetic province for benchmarks: N provincial answers plus M
answers for each of the 13 cities (all opened), Chinese Markdown made from the
sentences of the sample content, with a fixed seed so every run is the same.
A folder that already holds that province is left as it is (only files that
differ are written, only files that do not belong are removed).

usage: generate-province.py OUT_DIR [--provincial N] [--per-city M] [--seed S]
"""
import argparse
import json
import os
import random
import re

import common

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "Content")


def sample_sentences():
    sentences = []
    for root, _, files in os.walk(os.path.join(SAMPLE, "answers")):
        for name in sorted(files):
            text = open(os.path.join(root, name), encoding="utf-8").read().split("---", 2)[2]
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            for part in re.split(r"(?<=[。；！？])", text):
                part = part.strip(" \n-#*0123456789.")
                if len(part) > 8:
                    sentences.append(part)
    return sorted(set(sentences))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--provincial", type=int, default=500)
    parser.add_argument("--per-city", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=12320)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sentences = sample_sentences()

    portal = open(os.path.join(SAMPLE, "portal.yml"), encoding="utf-8").read()
    # Every city opened: the planned ones get the filings an opened site must show (sample numbers).
    portal = portal.replace("status: planned", "status: opened\n    icp: 苏ICP备00000000号-99\n    sponsor: 样例卫生健康委员会")
    # A synthetic province has no reviewers: clean answers publish, flagged ones wait.
    portal = portal.replace("review: all", "review: flagged")
    categories = re.findall(r"- key: ([a-z-]+)", portal)
    cities = re.findall(r"abbr: ([a-z]+)", portal)

    # The whole tree is made in memory first, then only what differs is written (common.sync_tree).
    files = {"portal.yml": portal.encode()}
    files["logo.svg"] = open(os.path.join(SAMPLE, "logo.svg"), "rb").read()
    for folder in ("lexicon", "legal"):
        files.update({os.path.join(folder, path): data for path, data in common.tree_files(os.path.join(SAMPLE, folder)).items()})

    def write(scope, index, provincial_ids):
        ident = f"{scope}-{index:05d}"
        # One line: a sentence may hold a list's line breaks, and titles may not.
        title = " ".join(rng.choice(sentences)[:24].split()).rstrip("，、；。 -") + "？"
        body = []
        for section in range(rng.randint(2, 4)):
            body.append("## " + rng.choice(sentences)[:12].rstrip("，、；。"))
            body.append("")
            body.append("".join(rng.choice(sentences) for _ in range(rng.randint(2, 4))))
            body.append("")
            body.extend("- " + rng.choice(sentences) for _ in range(rng.randint(2, 4)))
            body.append("")
        if provincial_ids:
            target = rng.choice(provincial_ids)
            body.append(f"另见[相关答复](answer:{target})。")
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        front = [
            "---", f"id: {ident}", f"title: {json.dumps(title, ensure_ascii=False)}", f"category: {rng.choice(categories)}",
            f"updated: 2024-{month:02d}-{day:02d}", f"tags: [{rng.choice(cities)}, 健康]", "---",
        ]
        files[os.path.join("answers", scope, ident + ".md")] = ("\n".join(front + body) + "\n").encode()
        return ident

    provincial = [write("province", i, []) for i in range(args.provincial)]
    for city in cities:
        for i in range(args.per_city):
            write(city, i, provincial)
    total = args.provincial + args.per_city * len(cities)
    written, removed = common.sync_tree(args.out, files)
    print(f"{args.out}: {args.provincial} provincial + {args.per_city} x {len(cities)} city answers = {total} "
          f"({written} files written, {removed} removed)")


if __name__ == "__main__":
    main()
