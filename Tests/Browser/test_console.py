"""The newsroom console in real Chromium (docs/console-api.md): an editor
writes an answer with a sensitive term and submits it, a reviewer sees the
term highlighted and approves it, and the build publishes the page; the
pages fit a phone and keep to the sites' Content-Security-Policy."""
import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import types
import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest
from conftest import ROOT, executable, screenshot
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "correct horse 1"
EDITOR = "王编辑"
REVIEWER = "李审核"
ANSWER_ID = "console-flu"
TITLE = "流感疫苗在哪里接种？"
# Used only when the new province's sensitive.txt lists no term (it starts empty).
FALLBACK_TERM = ("医托", "医托")


def wait(driver, seconds=15):
    return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException])


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sensitive_term(content):
    """The first term of lexicon/sensitive.txt (`term<TAB>label`, `#` comments);
    one is added when the list is empty."""
    path = os.path.join(content, "lexicon", "sensitive.txt")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term = line.split("\t")[0].strip()
        if term:
            return term
    with open(path, "a", encoding="utf-8") as file:
        file.write(("" if text.endswith("\n") or not text else "\n") + "\t".join(FALLBACK_TERM) + "\n")
    return FALLBACK_TERM[0]


def wait_until_ready(base, process, log_path, seconds=30):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            with open(log_path, encoding="utf-8", errors="replace") as log:
                pytest.fail(f"portal12320 console exited with {process.returncode}:\n{log.read()}")
        try:
            with urllib.request.urlopen(base + "/login", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            last = error
        time.sleep(0.1)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        pytest.fail(f"the console did not answer {base}/login within {seconds} s ({last}):\n{log.read()}")


@pytest.fixture(scope="module")
def console():
    """A new province (`portal12320 init`), an editor and a reviewer of the
    province, and `portal12320 console` serving them on a free port."""
    folder = tempfile.mkdtemp(prefix="portal-console-")
    content = os.path.join(folder, "Content")
    data = os.path.join(folder, "data")
    tool = executable()
    subprocess.run([tool, "init", content], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    term = sensitive_term(content)
    for name, role in ((EDITOR, "editor"), (REVIEWER, "reviewer")):
        subprocess.run([tool, "console", "user", "add", name, "--role", role, "--scope", "province",
                        "--content", content, "--data", data],
                       input=(PASSWORD + "\n").encode(), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    log_path = os.path.join(folder, "console.log")
    log = open(log_path, "wb")
    process = subprocess.Popen([tool, "console", "--content", content, "--data", data, "--port", str(port)],
                               cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base, process, log_path)
        yield types.SimpleNamespace(base=base, folder=folder, content=content, data=data, term=term, tool=tool)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def path_of(driver):
    return urlparse(driver.current_url).path


def login(browser, base, name):
    browser.get(base + "/login")
    wait(browser).until(EC.element_to_be_clickable((By.ID, "login-name"))).send_keys(name)
    browser.find_element(By.ID, "login-password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    wait(browser).until(lambda d: path_of(d) == "/")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "logout")))
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#queue-list > li"))


def logout(browser):
    browser.find_element(By.ID, "logout").click()
    wait(browser).until(lambda d: path_of(d) == "/login")
    wait(browser).until(EC.presence_of_element_located((By.ID, "login-name")))


def text_of(driver, element_id):
    """The element's text, "" when it is absent (the page re-renders parts of itself)."""
    for _ in range(5):
        try:
            found = driver.find_elements(By.ID, element_id)
            return found[0].text if found else ""
        except StaleElementReferenceException:
            continue
    return ""


def one_h1(browser):
    """The console's own page has one h1 (the server's preview of the site page may hold its own)."""
    headings = [h for h in browser.find_elements(By.TAG_NAME, "h1")
                if not h.find_elements(By.XPATH, "./ancestor::*[contains(concat(' ', @class, ' '), ' preview-box ')]")]
    assert len(headings) == 1, [h.text for h in headings]


def publish(console):
    """`portal12320 build` of the console's content; the built answer pages of ANSWER_ID."""
    dist = os.path.join(console.folder, "dist")
    subprocess.run([console.tool, "build", "--content", console.content, "--output", dist,
                    "--templates", os.path.join(ROOT, "Templates")],
                   cwd=ROOT, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return glob.glob(os.path.join(dist, "*", "answers", ANSWER_ID, "index.html"))


def test_editor_and_reviewer_publish_an_answer_in_the_browser(browser, console):
    browser.set_window_size(1280, 900)
    term = console.term

    # The editor writes the answer.
    login(browser, console.base, EDITOR)
    browser.get(console.base + "/new")
    wait(browser).until(EC.element_to_be_clickable((By.ID, "answer-id")))
    one_h1(browser)
    Select(browser.find_element(By.ID, "scope")).select_by_value("province")
    browser.find_element(By.ID, "answer-id").send_keys(ANSWER_ID)
    browser.find_element(By.ID, "title").send_keys(TITLE)
    Select(browser.find_element(By.ID, "category")).select_by_value("vaccination")
    browser.find_element(By.ID, "tags").send_keys("流感、疫苗")
    browser.find_element(By.ID, "body").send_keys(
        "每年秋季可以到社区卫生服务中心接种流感疫苗，接种前请先电话预约。\n\n"
        f"请通过正规渠道预约，不要相信{term}的介绍。咨询请拨打12320。")

    # Live findings appear while typing, without saving.
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#live-findings li"))
    wait(browser).until(lambda d: term in text_of(d, "live-findings"))
    assert "需审核" in text_of(browser, "live-findings")
    wait(browser).until(lambda d: "流感疫苗" in text_of(d, "live-preview"))

    browser.find_element(By.ID, "save").click()
    wait(browser).until(lambda d: "已保存" in text_of(d, "form-status"))
    assert not text_of(browser, "form-error")
    wait(browser).until(lambda d: path_of(d) == f"/edit/province/{ANSWER_ID}")
    browser.find_element(By.ID, "submit").click()
    wait(browser).until(lambda d: "已提交审核" in text_of(d, "form-status"))
    assert not text_of(browser, "form-error")
    screenshot(browser, "console-editor")
    browser.set_window_size(1280, 900)
    logout(browser)

    # The reviewer finds it in the queue, sees the term marked, approves it.
    login(browser, console.base, REVIEWER)
    link = wait(browser).until(EC.element_to_be_clickable(
        (By.CSS_SELECTOR, f"#queue-list a[href='/review/province/{ANSWER_ID}']")))
    assert link.text == TITLE
    item = link.find_element(By.XPATH, "./ancestor::li[1]")
    assert "待审核" in item.text and EDITOR in item.text, item.text
    one_h1(browser)
    screenshot(browser, "console-queue")
    browser.set_window_size(1280, 900)
    link = browser.find_element(By.CSS_SELECTOR, f"#queue-list a[href='/review/province/{ANSWER_ID}']")
    link.click()
    wait(browser).until(lambda d: path_of(d) == f"/review/province/{ANSWER_ID}")
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#source mark"))
    marks = browser.find_elements(By.CSS_SELECTOR, "#source mark")
    assert any(term in m.text for m in marks), [m.text for m in marks]
    assert "severity-review" in marks[0].get_attribute("class")
    assert browser.find_element(By.ID, "answer-title").text == TITLE
    assert "流感疫苗" in browser.find_element(By.ID, "preview").text
    assert "提交" in text_of(browser, "history") and EDITOR in text_of(browser, "history")
    one_h1(browser)
    screenshot(browser, "console-review")
    browser.set_window_size(1280, 900)

    browser.find_element(By.ID, "note").send_keys(f"已核实：提醒来电人通过正规渠道预约，谨防{term}。")
    browser.find_element(By.ID, "approve").click()
    wait(browser).until(lambda d: "已批准" in text_of(d, "decision-status") or text_of(d, "decision-error"))
    assert not text_of(browser, "decision-error")
    assert "已批准" in text_of(browser, "decision-status")
    wait(browser).until(lambda d: "批准" in text_of(d, "history") and REVIEWER in text_of(d, "history"))

    # The build publishes what the console signed.
    pages = publish(console)
    assert pages, f"no answers/{ANSWER_ID}/index.html in any site of the build"
    with open(pages[0], encoding="utf-8") as page:
        assert TITLE in page.read()


def test_console_pages_fit_a_phone(browser, console):
    browser.set_window_size(360, 800)
    browser.get(console.base + "/login")
    wait(browser).until(EC.presence_of_element_located((By.ID, "login-name")))

    def overflow():
        return browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")

    width, inner = overflow()
    assert width <= 360 and width <= inner, f"/login scrolls sideways: {width}px at {inner}px"
    one_h1(browser)
    screenshot(browser, "console-login-mobile")

    browser.set_window_size(360, 800)
    login(browser, console.base, EDITOR)
    width, inner = overflow()
    assert width <= 360 and width <= inner, f"/ scrolls sideways: {width}px at {inner}px"
    screenshot(browser, "console-queue-mobile")

    browser.set_window_size(360, 800)
    for path, ready in (("/new", "body"), ("/review/province/how-to-ask", "source")):
        browser.get(console.base + path)
        wait(browser).until(EC.presence_of_element_located((By.ID, ready)))
        width, inner = overflow()
        assert width <= 360 and width <= inner, f"{path} scrolls sideways: {width}px at {inner}px"
        one_h1(browser)


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)


def test_console_pages_have_no_inline_script_or_style(console):
    for path in ("/login", "/", "/new", "/mine", "/review/province/how-to-ask", "/edit/province/how-to-ask"):
        with urllib.request.urlopen(console.base + path, timeout=10) as response:
            html = response.read().decode("utf-8")
            policy = response.headers.get("Content-Security-Policy", "")
        assert "<script" in html and "/assets/console.js" in html, path
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html).group(0))
        assert not STYLE_ATTRIBUTE.search(html), (path, STYLE_ATTRIBUTE.search(html).group(0))
        assert not STYLE_ELEMENT.search(html), path
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, (path, policy)

    # Only the server-rendered preview is ever put into a page as HTML.
    with urllib.request.urlopen(console.base + "/assets/console.js", timeout=10) as response:
        script = response.read().decode("utf-8")
    assignments = re.findall(r"(?:innerHTML|outerHTML)\s*=[^=][^;\n]*", script)
    assert assignments and all("preview_html" in a for a in assignments), assignments
    assert not re.search(r"\beval\s*\(|new\s+Function\s*\(|insertAdjacentHTML|document\.write", script)
