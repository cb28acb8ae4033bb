#!/usr/bin/env python3
"""The console under load: N mixed API requests (default 2,000), C at a time
(default 20), over loopback against a real `portal12320 console`, on a new
province made by `portal12320 init`. Every request has the status it should
have (200, or the 401/409/422 its kind is built to get); the console's
resident memory is sampled as the run goes, so a leak shows as a slope.

  python3 Benchmarks/console_load.py [--requests 2000] [--concurrency 20] [--ours PATH]

Tests/Browser/test_console_load.py runs the same load and asserts on it.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402

PASSWORD = "correct horse battery"
EDITORS = [f"编辑{n}" for n in range(1, 6)]
REVIEWERS = [f"审核{n}" for n in range(1, 6)]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Session:
    """One person's cookie and CSRF token, on a connection of their own."""

    def __init__(self, port, name):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        status, body, headers = self.call("POST", "/api/session", {"name": name, "password": PASSWORD}, csrf=False)
        if status != 200:
            raise RuntimeError(f"login of {name}: {status} {body}")
        self.cookie = headers["Set-Cookie"].split(";")[0]
        self.csrf = json.loads(body)["csrf"]

    def call(self, method, path, payload=None, csrf=True, cookie=True, extra=None):
        headers = {"Content-Type": "application/json"}
        if cookie and getattr(self, "cookie", None):
            headers["Cookie"] = self.cookie
        if csrf and getattr(self, "csrf", None):
            headers["X-CSRF-Token"] = self.csrf
        headers.update(extra or {})
        body = json.dumps(payload).encode() if payload is not None else None
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read().decode()
        return response.status, data, response.headers


def province(executable, folder):
    """A new province with the sample answer, five editors and five reviewers."""
    content = os.path.join(folder, "Content")
    data = os.path.join(folder, "data")
    subprocess.run([executable, "init", content], check=True, stdout=subprocess.DEVNULL)
    for name, role in [(n, "editor") for n in EDITORS] + [(n, "reviewer") for n in REVIEWERS]:
        subprocess.run([executable, "console", "user", "add", name, "--role", role, "--scope", "province",
                        "--content", content, "--data", data], input=(PASSWORD + "\n").encode(), check=True,
                       stdout=subprocess.DEVNULL)
    return content, data


def run(executable, requests=2000, concurrency=20, seed=12320):
    """Starts the console, sends the load, stops it. Returns the figures."""
    folder = tempfile.mkdtemp(prefix="console-load-")
    process = None
    try:
        content, data = province(executable, folder)
        port = free_port()
        process = subprocess.Popen([executable, "console", "--content", content, "--data", data, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/login")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the console did not start")
                time.sleep(0.1)
        answer = "/api/answers/province/how-to-ask"
        draft = ("---\nid: load-draft\ntitle: 负载测试草稿\ncategory: appointments\nupdated: 2024-01-01\n---\n"
                 "拨打12320咨询。请勿相信医托。\n")
        # Each kind of request, and the status it must get from an editor and from a reviewer.
        kinds = [
            ("queue", (200, 200), lambda s: s.call("GET", "/api/queue")),
            ("answer", (200, 200), lambda s: s.call("GET", answer)),
            ("me", (200, 200), lambda s: s.call("GET", "/api/me")),
            ("preview", (200, 200), lambda s: s.call("POST", "/api/preview", {"scope": "province", "markdown": draft})),
            ("stale save", (409, 403), lambda s: s.call("PUT", answer, {"markdown": draft}, extra={"If-Match": "0" * 64})),
            ("no session", (401, 401), lambda s: s.call("GET", "/api/queue", cookie=False)),
            ("no csrf", (403, 403), lambda s: s.call("POST", "/api/preview", {"scope": "province", "markdown": draft}, csrf=False)),
            ("reject without note", (403, 422), lambda s: s.call("POST", answer + "/decision",
                                                                  {"decision": "rejected", "note": "", "sha256": "0" * 64})),
        ]
        randomness = random.Random(seed)
        plan = [randomness.randrange(len(kinds)) for _ in range(requests)]
        # Each worker owns sessions (one connection each): a worker is one person's browser tab.
        pools = [[] for _ in range(concurrency)]
        for index, kind in enumerate(plan):
            pools[index % concurrency].append(kind)

        memory = [(0, rss_kib(process.pid))]
        done = [0]
        unexpected = []

        def worker(number):
            names = REVIEWERS if number % 2 else EDITORS
            session = Session(port, names[number // 2 % len(names)])
            for kind in pools[number]:
                name, statuses, call = kinds[kind]
                expected = statuses[number % 2]
                status, body, _ = call(session)
                if status != expected:
                    unexpected.append(f"{name}: {status} (expected {expected}) {body[:200]}")
                done[0] += 1
                if done[0] % 500 == 0:
                    memory.append((done[0], rss_kib(process.pid)))

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(concurrency) as executor:
            list(executor.map(worker, range(concurrency)))
        elapsed = time.monotonic() - started
        if memory[-1][0] != requests:
            memory.append((requests, rss_kib(process.pid)))
        alive = process.poll() is None
        return {"requests": requests, "concurrency": concurrency, "seconds": elapsed, "unexpected": unexpected,
                "memory": memory, "alive": alive}
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    common.add_ours_options(parser, "portal12320")
    args = parser.parse_args()
    started = common.utc_now()
    executable, how = common.ours_binary(args, "portal12320")
    figures = run(executable, args.requests, args.concurrency)
    lines = [f"requests: {figures['requests']}, {figures['concurrency']} at a time, in {figures['seconds']:.1f} s "
             f"({figures['requests'] / figures['seconds']:.0f} per second)",
             f"unexpected statuses: {len(figures['unexpected'])}"] + figures["unexpected"][:10]
    lines += [f"console RSS after {count} requests: {kib / 1024:.1f} MiB" for count, kib in figures["memory"]]
    lines.append(f"console still running at the end: {'yes' if figures['alive'] else 'NO'}")
    common.record("console_load", started, common.command_line(["OURS"]), lines, notes=[f"binary: {how}"])


if __name__ == "__main__":
    main()
