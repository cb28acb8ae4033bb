#!/usr/bin/env python3
"""Moderation throughput in one run on one synthetic corpus and lexicon,
three sides: ours, the Rust aho-corasick crate natively, and the Rust
aho-corasick crate through Python (PyPI ahocorasick-rs).

Ours: Moderator.scan with full normalisation (NFKC, case, traditional ->
simplified, invisible characters, noise skipping, character references) and
the personal-data detectors (Benchmarks/ModerationBenchmark, Swift).
Rust native: Benchmarks/aho-corasick-native, built offline with cargo from
Debian's librust-aho-corasick-dev; the best of its default and DFA automata.
Rust through Python: ahocorasick-rs; the best of its str and bytes APIs and
of its default and DFA automata. Both Rust sides do raw leftmost-longest
matching of the same terms, no normalisation.

The sides alternate, `--rounds` times, the first side rotating each round;
in every round each side (each automaton, each API) scans the corpus
`--repeats` times and keeps its best, so every side gets the same
best-of-N. Ratios are also printed round by round, where the sides met the
same machine load. Figures go to Benchmarks/results/moderation.md too.

usage: python3 Benchmarks/moderation.py [--megabytes 16] [--terms 20000]
           [--rounds 3] [--repeats 5] [--ours PATH | --skip-ours]
  --ours PATH (or OURS=PATH): a prebuilt moderation-benchmark, no `swift build`.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

import common

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work", "moderation")
NATIVE = os.path.join(HERE, "aho-corasick-native")
NATIVE_TARGET = os.path.join(HERE, "work", "aho-corasick-native-target")


def sample_sentences():
    sentences = []
    for folder, _, files in os.walk(os.path.join(ROOT, "Content", "answers")):
        for name in sorted(files):
            text = open(os.path.join(folder, name), encoding="utf-8").read().split("---", 2)[2]
            sentences += [s.strip() for s in re.split(r"(?<=[。；！？\n])", text) if len(s.strip()) > 6]
    return sorted(set(sentences))


def make_lexicon(rng, sentences, count):
    characters = [c for s in sentences for c in s if "\u4e00" <= c <= "\u9fff"]
    sample = []
    for name in ("classified", "sensitive", "taboo"):
        for line in open(os.path.join(ROOT, "Content", "lexicon", name + ".txt"), encoding="utf-8"):
            term = line.split("#")[0].split("\t")[0].strip()
            if term:
                sample.append((name, term))
    terms = {term for _, term in sample}
    generated = []
    while len(terms) < count:
        term = "".join(rng.choice(characters) for _ in range(rng.choice([2, 3, 3, 4, 4, 5, 6])))
        if term not in terms:
            terms.add(term)
            generated.append(term)
    return sample, generated


def make_corpus(rng, sentences, terms, megabytes):
    documents = []
    size = 0
    while size < megabytes * 1_000_000:
        parts = ["---", f"id: doc-{len(documents):05d}", f"title: {rng.choice(sentences)[:20]}", "---", ""]
        for _ in range(rng.randint(3, 6)):
            parts.append("## " + rng.choice(sentences)[:14])
            parts.append("")
            paragraph = [rng.choice(sentences) for _ in range(rng.randint(3, 8))]
            if rng.random() < 0.3:
                paragraph.insert(rng.randrange(len(paragraph) + 1), rng.choice(terms))
            parts.append("".join(paragraph))
            parts.append("")
            parts += ["- " + rng.choice(sentences) for _ in range(rng.randint(2, 5))]
            parts.append("")
        text = "\n".join(parts)
        documents.append(text)
        size += len(text.encode("utf-8"))
    return documents



def write_inputs(sample, generated, documents):
    """The lexicon folder and the corpus folder that the binaries read."""
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "lexicon"))
    os.makedirs(os.path.join(WORK, "corpus"))
    for name in ("classified", "sensitive", "taboo"):
        with open(os.path.join(WORK, "lexicon", name + ".txt"), "w", encoding="utf-8") as out:
            out.writelines(term + "\n" for kind, term in sample if kind == name)
            if name == "sensitive":
                out.writelines(term + "\n" for term in generated)
    # Every list file must exist (a missing one is an error, never an empty list): no phrase is allowed here.
    open(os.path.join(WORK, "lexicon", "allow.txt"), "w").close()
    for index, text in enumerate(documents):
        with open(os.path.join(WORK, "corpus", f"doc-{index:05d}.md"), "w", encoding="utf-8") as out:
            out.write(text)


def python_scanners(patterns, documents):
    """Each ahocorasick-rs variant, built once, as a function that scans the whole corpus."""
    import ahocorasick_rs as ac

    scanners = {}
    encoded = [d.encode("utf-8") for d in documents]
    for implementation in (None, ac.Implementation.DFA):
        label = "dfa" if implementation else "default"
        kwargs = {"matchkind": ac.MatchKind.LeftmostLongest}
        if implementation:
            kwargs["implementation"] = implementation
        text = ac.AhoCorasick(patterns, **kwargs)
        scanners[f"str/{label}"] = lambda a=text: sum(len(a.find_matches_as_indexes(d)) for d in documents)
        binary = ac.BytesAhoCorasick([p.encode("utf-8") for p in patterns], **kwargs)
        scanners[f"bytes/{label}"] = lambda a=binary: sum(len(a.find_matches_as_indexes(d)) for d in encoded)
    return scanners


def python_versions():
    """ahocorasick-rs's version and that of the aho-corasick crate compiled into it."""
    import importlib.metadata
    import ahocorasick_rs

    wrapper = importlib.metadata.version("ahocorasick-rs")
    crate = "unknown"
    folder = os.path.dirname(ahocorasick_rs.__file__)
    for name in os.listdir(folder):
        if name.endswith(".so") or name.endswith(".pyd"):
            found = re.search(rb"aho-corasick-(\d+\.\d+\.\d+)", open(os.path.join(folder, name), "rb").read())
            crate = found.group(1).decode() if found else crate
    return wrapper, crate


def best_of(repeats, work):
    """The shortest of `repeats` timed calls, and what the last one returned."""
    best = None
    for _ in range(repeats):
        start = time.perf_counter()
        found = work()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, found


def native_binary():
    """Builds Benchmarks/aho-corasick-native offline from Debian's crate
    sources (installing them, and cargo, if missing); returns the binary and
    the aho-corasick version it was built with."""
    registry = "/usr/share/cargo/registry"
    wanted = []
    if not os.path.isdir(registry) or not any(name.startswith("aho-corasick-") for name in os.listdir(registry)):
        wanted.append("librust-aho-corasick-dev")
    if shutil.which("cargo") is None:
        wanted.append("cargo")
    if wanted:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q"] + wanted, check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    subprocess.run(["cargo", "build", "--release", "--offline", "--quiet", "--target-dir", NATIVE_TARGET],
                   cwd=NATIVE, check=True)
    lock = open(os.path.join(NATIVE, "Cargo.lock"), encoding="utf-8").read()
    version = re.search(r'name = "aho-corasick"\nversion = "([^"]+)"', lock)
    return os.path.join(NATIVE_TARGET, "release", "aho-corasick-native"), version.group(1) if version else "unknown"


def run_json(command):
    """Runs a benchmark binary that prints one JSON line; returns it parsed."""
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def ratios(numerators, denominators):
    return ", ".join(f"{a / b:.2f}x" for a, b in zip(numerators, denominators))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=16)
    parser.add_argument("--terms", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=12320)
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the three sides")
    parser.add_argument("--repeats", type=int, default=5,
                        help="timed scans per side (per automaton, per API) in each round; the best counts")
    common.add_ours_options(parser, "moderation-benchmark")
    args = parser.parse_args()
    if args.rounds < 1 or args.repeats < 1:
        parser.error("--rounds and --repeats must be at least 1")
    started = common.utc_now()
    command = common.command_line(["OURS"])
    rng = random.Random(args.seed)

    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "ahocorasick-rs"], check=True)

    sentences = sample_sentences()
    sample, generated = make_lexicon(rng, sentences, args.terms)
    patterns = [term for _, term in sample] + generated
    documents = make_corpus(rng, sentences, patterns, args.megabytes)
    write_inputs(sample, generated, documents)
    corpus_bytes = sum(len(d.encode("utf-8")) for d in documents)
    lexicon, corpus = os.path.join(WORK, "lexicon"), os.path.join(WORK, "corpus")

    ours_path, ours_origin = common.ours_binary(args, "moderation-benchmark")
    native_path, native_crate = native_binary()
    wrapper_version, wrapper_crate = python_versions()
    scanners = python_scanners(patterns, documents)

    # This machine's speed drifts by up to a third between runs: alternate
    # the sides round by round, starting with a different one each round.
    sides = {"native": lambda: run_json([native_path, lexicon, corpus, str(args.repeats)]),
             "python": lambda: {label: best_of(args.repeats, scan) for label, scan in scanners.items()}}
    if ours_path:
        sides["ours"] = lambda: run_json([ours_path, lexicon, corpus, str(args.repeats)])
    order = [name for name in ("ours", "native", "python") if name in sides]
    rounds = {name: [] for name in order}
    for number in range(args.rounds):
        for name in order[number % len(order):] + order[:number % len(order)]:
            print(f"round {number + 1}/{args.rounds}: {name}", file=sys.stderr, flush=True)
            rounds[name].append(sides[name]())

    megabytes = corpus_bytes / 1e6
    native_one = [r["one_core_mb_s"] for r in rounds["native"]]
    native_all = [r["all_cores_mb_s"] for r in rounds["native"]]
    python_one = [megabytes / min(seconds for seconds, _ in r.values()) for r in rounds["python"]]
    figures = [f"corpus: {megabytes:.1f} MB in {len(documents)} documents; lexicon: {len(patterns)} terms; "
               f"{args.rounds} rounds, each side best of {args.repeats} scans a round",
               f"cores: {os.cpu_count()}"]
    if ours_path:
        ours_one = [r["one_core_mb_s"] for r in rounds["ours"]]
        ours_all = [r["all_cores_mb_s"] for r in rounds["ours"]]
        findings = rounds["ours"][0]["findings"]
        figures += [f"ours (Swift; full normalisation + personal data)   1 core: {max(ours_one):8.1f} MB/s   "
                    f"all cores: {max(ours_all):8.1f} MB/s   ({findings} findings; lexicon built in "
                    f"{rounds['ours'][0]['lexicon_build_s']} s)"]
    native_matches = set()
    for kind in rounds["native"][0]["kinds"]:
        one = max(r["kinds"][kind]["one_core_mb_s"] for r in rounds["native"])
        every = max(r["kinds"][kind]["all_cores_mb_s"] for r in rounds["native"])
        first = rounds["native"][0]["kinds"][kind]
        native_matches.add(first["matches"])
        figures.append(f"rust native aho-corasick {native_crate} {kind:8} (raw)    1 core: {one:8.1f} MB/s   "
                       f"all cores: {every:8.1f} MB/s   ({first['matches']} matches; built in {first['build_s']} s, "
                       f"{first['heap_bytes'] / 1e6:.0f} MB)")
    python_matches = {}
    for label in scanners:
        seconds, found = min((r[label] for r in rounds["python"]), key=lambda t: t[0])
        python_matches[label] = found
        figures.append(f"rust via python ahocorasick-rs {wrapper_version} (aho-corasick {wrapper_crate}) "
                       f"{label:13} (raw)  1 core: {megabytes / seconds:8.1f} MB/s   ({found} matches)")
    bytes_matches = {found for label, found in python_matches.items() if label.startswith("bytes/")}
    agree = "yes" if len(native_matches | bytes_matches) == 1 else \
        f"NO (native {sorted(native_matches)}, python bytes {sorted(bytes_matches)})"
    figures.append(f"rust native and python (bytes API) agree on the match count: {agree}")

    def ratio_lines(name, numerator, denominator):
        return [f"ratio {name}: {max(numerator) / max(denominator):.2f}x best to best",
                f"  within each round: {ratios(numerator, denominator)}"]
    if ours_path:
        figures += ratio_lines("ours / rust native, 1 core", ours_one, native_one)
        figures += ratio_lines("ours / rust native, all cores", ours_all, native_all)
        figures += ratio_lines("ours / rust via python, 1 core", ours_one, python_one)
    figures += ratio_lines("rust native / rust via python, 1 core", native_one, python_one)
    notes = [f"ours: {ours_origin}",
             f"rust native: Benchmarks/aho-corasick-native, aho-corasick {native_crate} (Debian), cargo --release, "
             f"best kind per round: {', '.join(r['best_kind'] for r in rounds['native'])}",
             f"rust via python: ahocorasick-rs {wrapper_version}, aho-corasick {wrapper_crate} inside, Python "
             f"{sys.version.split()[0]}"]
    common.record("moderation", started, command, figures, notes)


if __name__ == "__main__":
    main()
