#!/usr/bin/env python3
"""`portal12320 moderate --format json` end to end over the synthetic
province of Benchmarks/build.sh (its 13,500 answers, about 27 MB), beside
its matcher alone over the same answers held in memory
(Benchmarks/ModerationBenchmark: `Moderator.scan` on all cores, the file as
written only). The end-to-end command also reads every file, parses what
readers see of it (YAML and Markdown), scans that too, and writes the
findings as JSON. `moderate` remembers what it found in each file
(`.build-cache/Content.findings` beside the content folder): it is timed on a
first run (that memory removed), on a run over the same files, and on a run
after one answer was edited (put back at the end). The sides alternate,
`--rounds` times, the same number for each; best and median of each, MB/s of
the answers' bytes.

With --profile, one more first run of `moderate` under `perf record` (Debian's
linux-perf, installed if missing) says where its CPU goes: the share of the
samples below each of its parts.

usage: python3 Benchmarks/moderate.py [--rounds 5] [--provincial 500] [--per-city 1000]
           [--ours PATH] [--matcher PATH] [--profile]
  --ours PATH: a prebuilt portal12320; --matcher PATH: a prebuilt moderation-benchmark
  (each built with `swift build -c release` when not given).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

import common

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "work", "Content")
CORPUS = os.path.join(HERE, "work", "moderate-corpus")

# What each part of `moderate` is: whether a sample's stack (its symbols, mangled) is below it.
PARTS = [
    ("reading the files", lambda stack: "TextFile" in stack),
    ("what readers see (YAML, Markdown, the texts)", lambda stack: "ReaderView" in stack),
    # Not "4Yams" or "8Markdown" alone: the reader's view's own symbols name their types.
    ("  of which YAML", lambda stack: "ReaderView" in stack and "10YAMLSourceO5parse" in stack),
    ("  of which Markdown (cmark and the walk)",
     lambda stack: "ReaderView" in stack and ("8Markdown0A8DocumentV" in stack or "8Markdown8TreeWalkV" in stack)),
    ("the scan of the file as written", lambda stack: "ModeratorV4scan33_" in stack and "readerFindings" not in stack),
    ("the scan of what readers see", lambda stack: "readerFindings" in stack),
    ("  of which normalising (both scans)", lambda stack: "NormalizedText" in stack),
    ("writing the JSON", lambda stack: "writeJSON" in stack),
    ("the lexicon", lambda stack: "7LexiconV" in stack),
]


def timed(command):
    """Wall seconds, CPU seconds and peak RSS (MB) of `command`, its output discarded."""
    start = time.monotonic()
    before = os.times()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    _, stderr = process.communicate()
    elapsed = time.monotonic() - start
    after = os.times()
    # A finding that blocks publication exits 1: the province's answers carry some on purpose.
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return elapsed, cpu, int(stderr.strip().splitlines()[-1]) / 1024


def flat_corpus():
    """Every answer of the province, side by side in one folder (the matcher's benchmark reads one folder)."""
    shutil.rmtree(CORPUS, ignore_errors=True)
    os.makedirs(CORPUS)
    total = 0
    for folder, _, names in os.walk(os.path.join(CONTENT, "answers")):
        for name in sorted(names):
            if name.endswith(".md"):
                source = os.path.join(folder, name)
                target = os.path.join(CORPUS, os.path.basename(folder) + "-" + name)
                shutil.copyfile(source, target)
                total += os.path.getsize(source)
    return total


def profile(ours):
    """The share of `moderate`'s CPU samples below each of its parts."""
    if shutil.which("perf") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "linux-perf"], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    data = os.path.join(HERE, "work", "moderate.perf")
    subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", "2000", "-g", "-o", data, ours, "moderate",
                    "--content", CONTENT, "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym"], capture_output=True, text=True).stdout
    stacks, current = [], []
    for line in script.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            stacks.append(" ".join(current))
            current = []
    if current:
        stacks.append(" ".join(current))
    os.remove(data)
    if not stacks:
        return ["profile: perf recorded nothing (is perf allowed here?)"]
    lines = [f"profile of one run ({len(stacks)} samples at 2 kHz on every thread; a sample counts for each part on its stack):"]
    for label, below in PARTS:
        share = sum(below(stack) for stack in stacks) / len(stacks) * 100
        lines.append(f"  {label:48} {share:5.1f} %")
    tops = [below for label, below in PARTS if not label.startswith(" ")]
    rest = sum(not any(below(stack) for below in tops) for stack in stacks) / len(stacks) * 100
    lines.append(f"  {'none of these (malloc, free and memmove, whose':48} {rest:5.1f} %")
    lines.append("   callers perf cannot follow without frame pointers; start-up)")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--provincial", type=int, default=500)
    parser.add_argument("--per-city", type=int, default=1000)
    parser.add_argument("--matcher", metavar="PATH", help="a prebuilt moderation-benchmark")
    parser.add_argument("--profile", action="store_true", help="one more run under perf, its CPU by part")
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    started = common.utc_now()
    command = common.command_line()
    subprocess.run([sys.executable, os.path.join(HERE, "generate-province.py"), CONTENT,
                    "--provincial", str(args.provincial), "--per-city", str(args.per_city)], check=True)
    ours, ours_origin = common.ours_binary(args, "portal12320")
    if ours is None:
        raise SystemExit("--skip-ours: nothing to measure")
    matcher, matcher_origin = common.ours_binary(argparse.Namespace(skip_ours=False, ours=args.matcher), "moderation-benchmark")
    total = flat_corpus()
    megabytes = total / 1e6
    moderate = [ours, "moderate", "--content", CONTENT, "--format", "json"]
    lexicon = os.path.join(CONTENT, "lexicon")
    # What `moderate` remembers of the files it scanned (FindingsMemory), beside the content folder.
    memory = os.path.join(HERE, "work", ".build-cache", "Content.findings")
    answers = os.path.join(CONTENT, "answers", "nj")
    edited = os.path.join(answers, sorted(name for name in os.listdir(answers) if name.endswith(".md"))[0])
    with open(edited, "rb") as file:
        original = file.read()
    timed(moderate)  # the files in the page cache for every side, the normalisation table made

    # A first run (no memory), a run over the same files (all known), a run after one answer was edited.
    kinds = ["first", "known", "edited"]
    times = {kind: [] for kind in kinds}
    cpus = {kind: [] for kind in kinds}
    peaks = {kind: [] for kind in kinds}
    matches = []
    try:
        for number in range(args.rounds):
            sides = ["matcher"] + kinds if number % 2 == 0 else kinds + ["matcher"]
            for side in sides:
                print(f"round {number + 1}/{args.rounds}: {side}", file=sys.stderr, flush=True)
                if side == "matcher":
                    result = subprocess.run([matcher, lexicon, CORPUS, "1"], check=True, capture_output=True, text=True)
                    line = result.stdout.strip().splitlines()[-1]
                    matches.append(json.loads(line)["all_cores_s"])
                    continue
                if side == "first" and os.path.exists(memory):
                    os.remove(memory)
                if side == "edited":
                    with open(edited, "ab") as file:
                        file.write(f"\n第{number + 1}轮修改。\n".encode())
                elapsed, cpu, peak = timed(moderate)
                times[side].append(elapsed)
                cpus[side].append(cpu)
                peaks[side].append(peak)
    finally:
        with open(edited, "wb") as file:
            file.write(original)

    names = {"first": "a first run (nothing remembered)", "known": "every file as the last run scanned it",
             "edited": "one answer edited since the last run"}
    figures = [f"province: {args.provincial} provincial + {args.per_city} answers per city: "
               f"{len(os.listdir(CORPUS))} answers, {megabytes:.1f} MB; {args.rounds} round(s) of each side, alternating",
               f"cores: {os.cpu_count()}",
               "moderate --format json, end to end:"]
    for kind in kinds:
        best, median = min(times[kind]), statistics.median(times[kind])
        figures.append(f"  {names[kind]}: best {best:.2f} s ({megabytes / best:.1f} MB/s), median {median:.2f} s "
                       f"({megabytes / median:.1f} MB/s); CPU {min(cpus[kind]):.2f}-{max(cpus[kind]):.2f} s; "
                       f"peak RSS {max(peaks[kind]):.0f} MB")
    best_match = min(matches)
    figures += [f"its matcher alone, all cores, the answers in memory, as written only: best {best_match:.3f} s "
                f"({megabytes / best_match:.1f} MB/s), median {statistics.median(matches):.3f} s",
                f"a first run / matcher: {best_match / min(times['first']):.2f} of the matcher's speed, best to best"]
    for kind in kinds:
        speed = megabytes / min(times[kind])
        figures.append(f"aim, at least 100 MB/s end to end, {names[kind]}: {'met' if speed >= 100 else 'not met'} ({speed:.1f} MB/s)")
    if args.profile and os.path.exists(memory):
        os.remove(memory)  # the profile is of a first run: every file scanned
    if args.profile:
        figures += profile(ours)
    common.record("moderate", started, command, figures, [f"ours: {ours_origin}", f"matcher: {matcher_origin}"])


if __name__ == "__main__":
    main()
