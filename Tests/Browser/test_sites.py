"""A visitor's journey through a city site in real Chromium, plus the
accessibility properties the pages promise (issue: search, HTML quality)."""
import json
import urllib.parse
import urllib.request

from conftest import screenshot
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PAGES = ["/", "/categories/vaccination/", "/answers/flu-vaccine/", "/search/?q=流感疫苗", "/404.html"]


def wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


def test_home_to_category_to_answer(browser, site):
    browser.get(site + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "南京市12320卫生热线"
    assert browser.find_element(By.CSS_SELECTOR, ".brand-slogan").text == "12320，您身边的健康守护热线"
    screenshot(browser, "home-desktop")
    browser.find_element(By.CSS_SELECTOR, ".site-nav a[href='/categories/vaccination/']").click()
    wait(browser).until(EC.url_contains("/categories/vaccination/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "预防接种"
    first = browser.find_element(By.CSS_SELECTOR, ".answer-list .answer-title")
    title = first.text
    first.click()
    wait(browser).until(EC.url_contains("/answers/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    crumbs = browser.find_element(By.CSS_SELECTOR, ".breadcrumb").text
    assert "首页" in crumbs and "预防接种" in crumbs
    screenshot(browser, "answer-desktop")


def test_search_finds_a_known_answer_and_opens_it(browser, site):
    browser.get(site + "/")
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("流感疫苗")
    box.send_keys(Keys.ENTER)
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert 1 <= len(results) <= 10
    first = results[0].find_element(By.CSS_SELECTOR, "a")
    assert first.text == "流感疫苗每年都要接种吗？"
    assert results[0].find_elements(By.TAG_NAME, "mark"), "the query is highlighted"
    assert "预防接种" in results[0].text
    # What a result shows of the text is one piece of its document, whole: the build cut the pieces where no
    # number or word is cut in two, and moderation read each as it is shown.
    meta = json.load(urllib.request.urlopen(site + "/search/meta.json"))
    path = urllib.parse.urlparse(first.get_attribute("href")).path
    files = range((meta["documents"] + meta["documentsPerFile"] - 1) // meta["documentsPerFile"])
    documents = (d for n in files for d in json.load(urllib.request.urlopen(f"{site}/search/docs/{n}.json")))
    document = next(d for d in documents if d["u"] == path)
    assert results[0].find_element(By.CSS_SELECTOR, ".answer-excerpt").text.strip("…") in document["x"]
    screenshot(browser, "search-desktop")
    first.click()
    wait(browser).until(EC.url_contains("/answers/flu-vaccine/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "流感疫苗每年都要接种吗？"


def test_search_ranks_the_exact_phrase_first(browser, site):
    browser.get(site + "/search/?q=" + "献血")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#search-results .answer-title")]
    assert titles and all("献血" in t for t in titles[:3]), titles


def test_a_query_in_traditional_characters_finds_the_simplified_answer_and_stays_in_the_header(browser, site):
    browser.get(site + "/search/?q=" + "網上預約掛號")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#search-results .answer-title")]
    assert titles[0] == "如何在网上预约挂号？", titles
    assert browser.find_element(By.ID, "site-search").get_attribute("value") == "網上預約掛號"


def test_a_residents_word_finds_the_answer_written_with_another(browser, site):
    # The answer says 跌倒; search/synonyms.txt groups it with 摔跤.
    browser.get(site + "/search/?q=" + "老人摔跤")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    assert "/answers/elderly-fall-prevention/" in browser.find_element(By.CSS_SELECTOR, "#search-results .answer-title").get_attribute("href")


def test_a_question_the_site_does_not_answer_says_no_good_match(browser, site):
    browser.get(site + "/search/?q=" + "宠物猫咪驱虫药品价格")
    wait(browser).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "正在搜索…"))
    status = browser.find_element(By.ID, "search-status").text
    assert "没有找到完全符合的答复" in status or "没有找到相关答复" in status, status
    browser.get(site + "/search/?q=" + "流感疫苗")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    assert "找到" in browser.find_element(By.ID, "search-status").text and "可能相关" not in browser.find_element(By.ID, "search-status").text


def test_search_of_a_word_not_on_the_site_says_so(browser, site):
    browser.get(site + "/search/?q=" + "量子计算机")
    wait(browser).until(lambda d: "没有找到" in d.find_element(By.ID, "search-status").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-results li")


def test_the_hub_searches_provincial_answers_and_serves_planned_cities(browser, hub):
    browser.get(hub + "/")
    assert browser.find_elements(By.CSS_SELECTOR, ".category-grid a"), "provincial answers by category"
    assert browser.find_elements(By.CSS_SELECTOR, ".answer-list .answer-title"), "the latest provincial answers"
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("流感疫苗")
    box.send_keys(Keys.ENTER)
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    assert browser.find_element(By.CSS_SELECTOR, "#search-results .answer-title").text == "流感疫苗每年都要接种吗？"
    browser.get(hub + "/")
    planned = browser.find_element(By.CSS_SELECTOR, ".city-planned a")
    name = planned.find_element(By.CSS_SELECTOR, ".city-name").text
    # The link is absolute, to the hub's real domain: follow its path on the test server.
    browser.get(hub + "/cities/" + planned.get_attribute("href").rstrip("/").rsplit("/", 1)[1] + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == name + "居民可用的答复"
    assert browser.find_elements(By.CSS_SELECTOR, ".answer-list .answer-title")


def test_usable_at_360_pixels(browser, site):
    browser.set_window_size(360, 800)
    for path in PAGES:
        browser.get(site + path)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    browser.get(site + "/answers/flu-vaccine/")
    screenshot(browser, "answer-mobile")
    browser.set_window_size(360, 800)
    browser.get(site + "/")
    screenshot(browser, "home-mobile")


def test_images_have_alt_and_headings_are_in_order(browser, site):
    for path in PAGES:
        browser.get(site + path)
        assert all(img.get_attribute("alt") for img in browser.find_elements(By.TAG_NAME, "img")), path
        levels = [int(h.tag_name[1]) for h in browser.find_elements(By.CSS_SELECTOR, "h1, h2, h3, h4, h5, h6")]
        assert levels and levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)
        landmarks = {e.tag_name for e in browser.find_elements(By.CSS_SELECTOR, "header, nav, main, footer")}
        assert {"header", "main", "footer"} <= landmarks, path


def test_skip_link_comes_first_and_focus_is_visible(browser, site):
    browser.get(site + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.get_attribute("href").endswith("#main")
    assert focused.is_displayed()
    focused.send_keys(Keys.TAB)
    outline = browser.execute_script(
        "var s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth];")
    assert outline[0] != "none" and outline[1] != "0px", outline


CONTRAST_RATIOS = """
function luminance(rgb) {
  var c = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function parse(color) { var m = color.match(/[\\d.]+/g).map(Number); return { rgb: m.slice(0, 3), alpha: m.length > 3 ? m[3] : 1 }; }
function background(element) {
  for (var e = element; e; e = e.parentElement) {
    var c = parse(getComputedStyle(e).backgroundColor);
    if (c.alpha > 0.5) { return c.rgb; }
  }
  return [255, 255, 255];
}
var ratios = [];
document.querySelectorAll('body *').forEach(function (e) {
  var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  if (!own || !e.offsetParent && getComputedStyle(e).position !== 'fixed') { return; }
  if (e.classList.contains('skip-link')) { return; }
  var fg = luminance(parse(getComputedStyle(e).color).rgb), bg = luminance(background(e));
  var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  ratios.push([e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 20), ratio]);
});
return ratios;
"""


def test_text_contrast_is_at_least_4_5(browser, site):
    for path in PAGES:
        browser.get(site + path)
        if "search" in path:
            wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#search-results li")))
        failures = [f for f in browser.execute_script(CONTRAST_RATIOS) if f[1] < 4.5]
        assert not failures, (path, failures[:5])
