"""The console survives 2,000 mixed API requests, 20 at a time, on loopback:
every status the one its kind must get, the process alive, memory steady."""
import os
import sys

from conftest import executable

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "Benchmarks"))
import console_load  # noqa: E402


def test_console_survives_two_thousand_mixed_requests():
    figures = console_load.run(executable(), requests=2000, concurrency=20)
    assert figures["alive"]
    assert figures["unexpected"] == []
    # Steady memory: after warming up (the first 500 requests), the console grows by less than 32 MiB over the next 1,500.
    warmed = dict(figures["memory"])[500]
    assert figures["memory"][-1][1] - warmed < 32 * 1024, figures["memory"]
