"""Fixtures for the browser tests: the sample province built once, one city
site served over HTTP on loopback, and headless Chromium (Debian packages)."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCREENSHOTS = os.path.join(ROOT, ".build", "browser-screenshots")


def executable():
    for candidate in (".build/debug/portal12320", ".build/release/portal12320"):
        path = os.path.join(ROOT, candidate)
        if os.path.exists(path):
            return path
    raise RuntimeError("build portal12320 first (swift build)")


@pytest.fixture(scope="session")
def dist():
    folder = tempfile.mkdtemp(prefix="portal-browser-")
    subprocess.run([executable(), "build", "--output", os.path.join(folder, "dist")], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    yield os.path.join(folder, "dist")
    shutil.rmtree(folder, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """Serves folder on loopback until the session ends; yields its address."""
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def site(dist):
    """Nanjing's site at http://127.0.0.1:<port>/."""
    yield from serve(os.path.join(dist, "www.jsnj12320.cn"))


@pytest.fixture(scope="session")
def hub(dist):
    """The provincial hub at http://127.0.0.1:<port>/."""
    yield from serve(os.path.join(dist, "www.js12320.cn"))


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_window_size(1280, 900)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def screenshot(driver, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, min(max(height, 600), 4000))
    path = os.path.join(SCREENSHOTS, name + ".png")
    driver.save_screenshot(path)
    return path
