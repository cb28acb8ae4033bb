#!/usr/bin/env python3
"""What the benchmark scripts share: our binary (built, or prebuilt with
--ours / OURS=), and dated, attributed figures.

Every set of figures is printed under the date (UTC, ISO 8601), the exact
command line, the commit and the machine, and the same Markdown block is
appended to Benchmarks/results/<script>.md: newest run last, older runs kept,
so drift between runs stays visible.

Also a command for shell scripts (Benchmarks/build.sh):
  python3 Benchmarks/common.py record NAME --command CMD --started ISO
      [--load-at-start "1 5 15"] [--note TEXT]... < figures
"""
import argparse
import datetime
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")
LOAD_AT_START = os.getloadavg()


def utc_now():
    """The current time, UTC, ISO 8601 to the second."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def command_line(environment=()):
    """The command that started this script, as typed, run from the
    repository root, preceded by the named environment variables that are set."""
    assignments = [f"{name}={shlex.quote(os.environ[name])}" for name in environment if os.environ.get(name)]
    command = " ".join(assignments + ["python3", shlex.join(sys.argv)])
    where = os.path.relpath(os.getcwd(), ROOT)
    return command if where == "." else f"cd {shlex.quote(where)} && {command}"


def add_ours_options(parser, product):
    """--ours PATH and --skip-ours, for a script that times our `product`."""
    parser.add_argument("--ours", metavar="PATH", default=os.environ.get("OURS"),
                        help=f"a prebuilt {product} binary (or OURS=PATH): skips `swift build`")
    parser.add_argument("--skip-ours", action="store_true", help="measure only the other side(s)")


def ours_binary(args, product):
    """Our binary: None with --skip-ours, the prebuilt one given, or a fresh
    `swift build -c release`. Returns (path, how it was obtained)."""
    if args.skip_ours:
        return None, "skipped (--skip-ours)"
    if args.ours:
        path = os.path.abspath(args.ours)
        if not os.access(path, os.X_OK):
            raise SystemExit(f"--ours {args.ours}: not an executable file")
        modified = datetime.datetime.fromtimestamp(os.path.getmtime(path), datetime.timezone.utc)
        return path, f"{path} (prebuilt, modified {modified.strftime('%Y-%m-%dT%H:%M:%SZ')})"
    subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", product), f"built by this run (swift build -c release --product {product})"


def tree_files(folder):
    """Every file below `folder`, as {path relative to it: bytes}."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as source:
                files[os.path.relpath(path, folder)] = source.read()
    return files


def sync_tree(folder, files):
    """Makes `folder` hold exactly `files` ({relative path: bytes}), writing only the files whose bytes differ
    and removing only what is not among them: regenerating a tree that is already right deletes nothing.
    (On this machine's ext4, creating files is several times slower for minutes after a mass deletion,
    which would slow the timed builds that follow.) Returns how many files were written and removed."""
    existing = tree_files(folder) if os.path.isdir(folder) else {}
    written = removed = 0
    for path, data in files.items():
        if existing.get(path) != data:
            full = os.path.join(folder, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as out:
                out.write(data)
            written += 1
    for path in existing.keys() - files.keys():
        os.remove(os.path.join(folder, path))
        removed += 1
    for root, folders, names in os.walk(folder, topdown=False):
        if root != folder and not os.listdir(root):
            os.rmdir(root)
    return written, removed


def commit():
    """The checked-out commit, and whether the tree differs from it (results files aside)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
        changes = subprocess.run(["git", "status", "--porcelain", "--", ".", ":!Benchmarks/results"], cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + (" with uncommitted changes" if changes else " (clean)")


def machine():
    """Cores, processor model, and the load average when the script started and now."""
    model = "unknown processor"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    def load(values):
        return " / ".join(f"{value:.2f}" for value in values)
    return (f"{os.cpu_count()} cores, {model}; load average (1/5/15 min) {load(LOAD_AT_START)} at the start, "
            f"{load(os.getloadavg())} at the end")


def record(name, started, command, figures, notes=()):
    """Prints the figures under their date and command, and appends the same
    Markdown block to Benchmarks/results/<name>.md. Returns the file's path."""
    lines = [f"## {started}", "",
             f"- command: `{command}`",
             f"- date (UTC, start of run): {started}; finished {utc_now()}",
             f"- commit: {commit()}",
             f"- machine: {machine()}"]
    lines += [f"- {note}" for note in notes]
    block = "\n".join(lines + ["", "```text"] + list(figures) + ["```", ""])
    print()
    print(block)
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, name + ".md")
    fresh = not os.path.exists(path)
    with open(path, "a", encoding="utf-8") as out:
        if fresh:
            out.write(f"# Benchmarks/{name}: recorded runs\n\nEach run appends a block; the newest is last. "
                      "Compare figures within one block: the machine's speed drifts between runs.\n\n")
        out.write(block + "\n")
    print(f"(appended to {os.path.relpath(path, ROOT)})")
    return path


def main():
    parser = argparse.ArgumentParser(description="Record figures read from standard input.")
    parser.add_argument("action", choices=["record"])
    parser.add_argument("name", help="results file name, without .md")
    parser.add_argument("--command", required=True)
    parser.add_argument("--started", required=True)
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--load-at-start", help="the first three fields of /proc/loadavg when the run began")
    args = parser.parse_args()
    if args.load_at_start:
        global LOAD_AT_START
        LOAD_AT_START = tuple(float(value) for value in args.load_at_start.split()[:3])
    figures = [line.rstrip("\n") for line in sys.stdin]
    record(args.name, args.started, args.command, figures, args.note)


if __name__ == "__main__":
    main()
