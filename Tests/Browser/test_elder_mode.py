"""长者模式 (elder-friendly mode) and the page layout rules of government
websites, measured in real Chromium at 360 px and 1280 px, in both modes:
text size, line height, contrast, touch targets, the category menu on
phones, and print styles. nginx applies the mode without JavaScript
(DeployTests/nginxAppliesTheElderModeWithoutJavaScript); here the pages are
served by a plain file server, where the mode's script does it."""
import pytest
from selenium.webdriver.common.by import By

from conftest import screenshot
from test_sites import CONTRAST_RATIOS, PAGES, wait

# What each mode promises: text px, line height, contrast, touch target px.
MODES = {
    "standard": {"text": 16, "line": 1.5, "contrast": 4.5, "target": 24},
    "elder": {"text": 20, "line": 1.8, "contrast": 7.0, "target": 44},
}

# Text a reader reads: every element with its own text in main and footer
# (the standard mode's smaller notes, such as dates under a title, aside).
TEXT = """
var standard = arguments[0], problems = [];
document.querySelectorAll('main *, footer *').forEach(function (e) {
  var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  if (!own || !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') { return; }
  if (/^H[1-6]$/.test(e.tagName)) { return; }
  if (standard && e.closest('.answer-meta, .count, .breadcrumb, .city-domain, .city-status, .site-info, .footer-heading')) { return; }
  var s = getComputedStyle(e), size = parseFloat(s.fontSize), line = parseFloat(s.lineHeight) / size;
  problems.push([e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 16), size, isNaN(line) ? 0 : line]);
});
return problems;
"""

# Everything one taps, but links inside running text (exempt in WCAG 2.5.5).
TARGETS = """
var found = [];
document.querySelectorAll('a, button, input, summary').forEach(function (e) {
  if (!e.getClientRects().length || e.classList.contains('skip-link')) { return; }
  if (e.closest('.answer-body, .site-footer > p, .contact li')) { return; }
  var r = e.getBoundingClientRect();
  found.push([e.tagName + '.' + e.className + ' ' + (e.textContent || e.name || '').trim().slice(0, 16), r.width, r.height]);
});
return found;
"""


def open_in(browser, site, mode, path):
    """Opens path in mode, chosen as a reader does: ?mode= once, then remembered."""
    browser.get(site + "/?mode=" + mode)
    browser.get(site + path)
    if "search" in path:
        wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert browser.execute_script("return document.documentElement.getAttribute('data-mode')") == mode, path


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("mode", ["standard", "elder"])
def test_each_mode_keeps_its_numbers(browser, site, mode, width):
    promise = MODES[mode]
    browser.set_window_size(width, 900)
    for path in PAGES + ["/privacy/", "/report-error/"]:
        open_in(browser, site, mode, path)
        text = browser.execute_script(TEXT, mode == "standard")
        assert text, path
        small = [t for t in text if t[1] < promise["text"] - 0.01]
        assert not small, (mode, width, path, small[:5])
        tight = [t for t in text if t[2] < promise["line"] - 0.01]
        assert not tight, (mode, width, path, tight[:5])
        low = [f for f in browser.execute_script(CONTRAST_RATIOS) if f[1] < promise["contrast"]]
        assert not low, (mode, width, path, low[:5])
        tiny = [t for t in browser.execute_script(TARGETS) if t[2] < promise["target"] - 0.5 or t[1] < promise["target"] - 0.5]
        assert not tiny, (mode, width, path, tiny[:5])
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (mode, width, path, overflow)
    browser.get(site + "/answers/flu-vaccine/")
    screenshot(browser, f"answer-{mode}-{width}")


def test_the_mode_is_remembered_and_can_be_switched_back(browser, site):
    browser.get(site + "/answers/flu-vaccine/")
    switch = browser.find_element(By.CSS_SELECTOR, ".mode-switch .to-elder")
    assert switch.is_displayed() and switch.text == "长者模式"
    switch.click()
    wait(browser).until(lambda d: d.execute_script("return document.documentElement.getAttribute('data-mode')") == "elder")
    assert "/answers/flu-vaccine/" in browser.current_url, "the switch stays on the page"
    browser.get(site + "/categories/vaccination/")
    assert browser.execute_script("return document.documentElement.getAttribute('data-mode')") == "elder"
    back = browser.find_element(By.CSS_SELECTOR, ".mode-switch .to-standard")
    assert back.is_displayed() and not browser.find_element(By.CSS_SELECTOR, ".mode-switch .to-elder").is_displayed()
    back.click()
    wait(browser).until(lambda d: d.execute_script("return document.documentElement.getAttribute('data-mode')") == "standard")
    browser.get(site + "/")
    assert browser.execute_script("return document.documentElement.getAttribute('data-mode')") == "standard"


@pytest.mark.parametrize("mode", ["standard", "elder"])
def test_on_a_phone_the_categories_fold_and_the_content_starts_in_the_first_screen(browser, site, mode):
    browser.set_window_size(360, 740)
    open_in(browser, site, mode, "/answers/flu-vaccine/")
    height = browser.execute_script("return window.innerHeight")
    heading = browser.execute_script("return document.querySelector('main h1').getBoundingClientRect().bottom")
    body = browser.execute_script("return document.querySelector('.answer-body').getBoundingClientRect().top")
    assert heading < height and body < height - 60, (mode, heading, body, height)
    assert not browser.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
    menu = browser.find_element(By.CSS_SELECTOR, ".site-nav-phone summary")
    assert menu.is_displayed() and menu.text == "问题分类"
    link = browser.find_element(By.CSS_SELECTOR, ".site-nav-phone a[href='/categories/insurance/']")
    assert not link.is_displayed()
    menu.click()
    assert link.is_displayed()
    # Nothing essential is hidden: hotline, search, footer filings.
    for selector in (".brand-hotline a", "#site-search", ".site-info a[href='https://beian.miit.gov.cn/']", "a[href='/privacy/']"):
        assert browser.find_element(By.CSS_SELECTOR, selector).is_displayed(), (mode, selector)
    screenshot(browser, f"answer-phone-{mode}")


def test_print_shows_the_answer_without_menus(browser, site):
    browser.get(site + "/answers/flu-vaccine/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.find_element(By.CSS_SELECTOR, ".answer-body").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, ".site-info").is_displayed(), "the filings are printed"
        for selector in (".site-nav", ".header-search", ".mode-switch", ".site-footer nav"):
            assert not browser.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
