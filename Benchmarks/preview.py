#!/usr/bin/env python3
"""An editor's save in the preview, timed on the synthetic province of
Benchmarks/build.sh: from the moment the answer file is written to the
moment the browser has the new page (the reload event received and the
page fetched again, holding the new text), as an open page sees it.

Also: the preview's CPU while nothing changes (over --idle seconds, from a
second after the last save), and its
peak memory (VmHWM).

usage: python3 Benchmarks/preview.py [--rounds 20] [--idle 5] [--provincial 500] [--per-city 1000]
           [--ours PATH]
"""
import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

import common

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CONTENT = os.path.join(HERE, "work", "Content")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, host, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


class Events:
    """The preview's reload events, read as an open page's EventSource does."""

    def __init__(self, port, host):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.connection.request("GET", "/__portal/events", headers={"Host": host})
        self.response = self.connection.getresponse()

    def wait_for_reload(self):
        while True:
            line = self.response.fp.readline().decode()
            if not line:
                raise SystemExit("the preview closed its event stream")
            if line.startswith("event: reload"):
                return

    def close(self):
        self.connection.close()


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--idle", type=float, default=5.0, help="seconds of idle CPU measurement")
    parser.add_argument("--provincial", type=int, default=500)
    parser.add_argument("--per-city", type=int, default=1000)
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    started = common.utc_now()
    binary, origin = common.ours_binary(args, "portal12320")
    subprocess.run([sys.executable, os.path.join(HERE, "generate-province.py"), CONTENT,
                    "--provincial", str(args.provincial), "--per-city", str(args.per_city)], check=True)
    answer = os.path.join(CONTENT, "answers", "nj", "nj-00000.md")
    original = open(answer, encoding="utf-8").read()
    port = free_port()
    start = time.monotonic()
    server = subprocess.Popen([binary, "serve", "--content", CONTENT, "--templates", os.path.join(ROOT, "Templates"),
                               "--port", str(port)], stderr=subprocess.PIPE, text=True)
    figures = []
    try:
        for line in server.stderr:
            if line.startswith("Serving on"):
                break
        else:
            raise SystemExit("the preview did not start")
        first = time.monotonic() - start
        # The preview's own log from here on: one "Built … in N ms." line per rebuild.
        builds = []
        def drain():
            for line in server.stderr:
                if line.startswith("Built "):
                    builds.append(int(line.rsplit(" in ", 1)[1].split()[0]))
        threading.Thread(target=drain, daemon=True).start()
        status, page = get(port, "nj.localhost", "/answers/nj-00000/")
        if status != 200:
            raise SystemExit(f"/answers/nj-00000/ on nj.localhost: {status}")
        timings = []
        for round_number in range(args.rounds):
            marker = f"PREVIEW-ROUND-{round_number}"
            events = Events(port, "nj.localhost")
            events.response.fp.readline()  # ": connected"
            began = time.monotonic()
            with open(answer, "w", encoding="utf-8") as out:
                out.write(original.replace("\n---\n", f"\n---\n{marker} ", 1))
            events.wait_for_reload()
            status, page = get(port, "nj.localhost", "/answers/nj-00000/")
            elapsed = time.monotonic() - began
            events.close()
            if marker not in page:
                raise SystemExit(f"round {round_number}: the reloaded page does not show the edit")
            timings.append(elapsed * 1000)
        # Idle from a second after the last reloaded page: measured at once, the window held the last save's
        # own tail (the walk of the content after the reload), 1 % of a core at c1e14c3, 0.2 % (one clock
        # tick in 5 s) a second later at cbd4b79; a preview left alone for 10 s took one tick.
        time.sleep(1.0)
        before = cpu_seconds(server.pid)
        time.sleep(args.idle)
        idle = (cpu_seconds(server.pid) - before) / args.idle * 100
        files = sum(len(names) for _, _, names in os.walk(os.path.join(CONTENT, "answers")))
        figures += [f"province: {args.provincial} provincial + {args.per_city} answers per city ({files} answer files)",
                    f"first build and serving: {first:.2f} s",
                    f"save → reloaded page, {args.rounds} rounds: best {min(timings):.0f} ms, "
                    f"median {statistics.median(timings):.0f} ms, worst {max(timings):.0f} ms",
                    f"rebuilds: {len(builds)} for {args.rounds} saves; the preview's own timing: best {min(builds)} ms, "
                    f"median {statistics.median(builds):.0f} ms",
                    f"idle CPU over {args.idle:.0f} s: {idle:.1f} % of a core",
                    f"peak memory (VmHWM): {peak_rss_mb(server.pid):.0f} MB"]
    finally:
        server.terminate()
        server.wait()
        with open(answer, "w", encoding="utf-8") as out:
            out.write(original)
    for line in figures:
        print(line)
    common.record("preview", started, common.command_line(["OURS"]), figures, [f"ours: {origin}"])


if __name__ == "__main__":
    main()
