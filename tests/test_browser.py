"""Readers in a real browser: the landing page picks an edition, the switcher keeps the page.

Playwright drives Debian's chromium (``/usr/bin/chromium``), headless, against the
real publication served on 127.0.0.1 by ``http.server``.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Browser, Page

from browsing import RESULTS, new_page, serious_violations, served
from conftest import CHROMIUM
from editions.declaration import load_project

REPOSITORY = Path(__file__).parent.parent
ARTICLE = "articles/paris-commune-1871-part-3.html"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"
)


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    """The real publication, built once, served on a free local port."""
    with served(site) as url:
        yield url


def test_french_browser_lands_on_the_french_edition(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="fr-FR")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}fr/index.html")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_arabic_browser_lands_on_the_arabic_edition_written_right_to_left(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, locale="ar", viewport={"width": 1200, "height": 900})
    page.goto(site_url)
    page.wait_for_url(f"{site_url}ar/index.html")
    page.goto(f"{site_url}ar/{ARTICLE}")
    direction = page.evaluate("getComputedStyle(document.querySelector('article p')).direction")
    assert direction == "rtl"
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "arabic-article.png"), full_page=False)


def test_switcher_on_the_spanish_article_leads_to_the_german_article(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, locale="es-ES", viewport={"width": 1200, "height": 800})
    page.goto(f"{site_url}es/{ARTICLE}")
    link = page.locator(".editions-switcher a", has_text="Deutsch")
    assert link.is_visible()  # side by side while they fit, without opening a menu
    link.click()
    page.wait_for_url(f"{site_url}de/{ARTICLE}")


def test_landing_page_remembers_the_edition_chosen(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="es-ES")
    page.goto(f"{site_url}index.html?choose")
    assert page.url == f"{site_url}index.html?choose"
    page.locator("a", has_text="Deutsch").click()
    page.wait_for_url(f"{site_url}de/index.html")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}de/index.html")


def test_switcher_choice_is_remembered_by_the_landing_page(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="fr-FR")
    page.goto(f"{site_url}fr/{ARTICLE}")
    page.locator(".editions-switcher a", has_text="Español").click()
    page.wait_for_url(f"{site_url}es/{ARTICLE}")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}es/index.html")


def test_regional_preferences_match_the_language_edition(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="es-MX")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}es/index.html")


def test_without_javascript_the_landing_page_is_a_list_of_links(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, locale="fr-FR", java_script_enabled=False)
    page.goto(site_url)
    assert page.url == site_url
    links = page.locator("ul.editions h2 a")
    assert links.all_inner_texts() == ["English", "Español", "Français", "Deutsch", "العربية"]
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "landing-page.png"))
    links.filter(has_text="Deutsch").click()
    page.wait_for_url(f"{site_url}de/index.html")


# A word of the article's title in each edition (Spanish and Arabic translate "Commune").
SEARCHED = {"en": "Commune", "es": "Comuna", "fr": "Commune", "de": "Kommune", "ar": "كومونة"}
FOUND = "Search finished, found one page matching the search query."


def found_pages_sentence(tag: str, count: int) -> str:
    """What the search page must say for ``count`` results, from the edition's own sphinx.po."""
    if tag == "en":
        return f"Search finished, found {count} pages matching the search query."
    with (REPOSITORY / "locale" / tag / "LC_MESSAGES" / "sphinx.po").open("rb") as po:
        catalog = read_po(po)
    form = gettext.c2py(catalog.plural_expr)(count)
    return str(catalog[FOUND].string[form]).replace("${resultCount}", str(count))


@pytest.mark.parametrize("tag", [language.tag for language in load_project(REPOSITORY).editions])
def test_search_lists_results_and_counts_them_in_the_edition_language(
    browser: Browser, site_url: str, tag: str
) -> None:
    assert set(SEARCHED) == {language.tag for language in load_project(REPOSITORY).editions}
    page = new_page(browser)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}{tag}/{ARTICLE}")
    notices = page.locator(".editions-notice").all_inner_texts()
    assert bool(notices) == (tag == "de")  # the German article is partly translated
    page.goto(f"{site_url}{tag}/search.html?q={SEARCHED[tag]}")
    results = page.locator("ul.search li")
    summary = page.locator(".search-summary")
    summary.filter(has_text=re.compile(r".")).wait_for(timeout=10_000)
    page.locator("ul.search li p.context").first.wait_for(timeout=10_000)
    assert errors == []
    assert summary.inner_text() == found_pages_sentence(tag, results.count())
    # The quotes come from the pages, without the notices about their translation.
    quotes = " ".join(page.locator("ul.search li p.context").all_inner_texts())
    assert SEARCHED[tag] in quotes
    for notice in notices:
        assert notice.strip() not in quotes


@pytest.mark.parametrize(
    ("tag", "typed", "written"), [("fr", "etat", "État"), ("es", "paris", "París")]
)
def test_search_finds_words_typed_without_their_accents(
    browser: Browser, site_url: str, tag: str, typed: str, written: str
) -> None:
    def found(query: str) -> list[str]:
        page = new_page(browser)
        page.goto(f"{site_url}{tag}/search.html?q={query}")
        page.locator(".search-summary").filter(has_text=re.compile(r".")).wait_for()
        return sorted(page.locator("ul.search li > a").all_inner_texts())

    assert found(typed) == found(written) != []


def test_search_quotes_the_place_of_a_word_typed_without_its_accent(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser)
    page.goto(f"{site_url}fr/search.html?q=etat")
    page.locator("ul.search li p.context").first.wait_for()
    quotes = page.locator("ul.search li p.context").all_inner_texts()
    assert any("État" in quote or "état" in quote for quote in quotes), quotes


def test_search_finds_words_snowball_calls_stop_words(browser: Browser, site_url: str) -> None:
    page = new_page(browser)
    page.goto(f"{site_url}es/search.html?q=Estado")  # Spanish "estado" is a stop word
    page.locator("ul.search li").first.wait_for()


def test_the_search_page_has_its_own_field_on_a_phone(browser: Browser, site_url: str) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}de/search.html?q=Kommune")
    field = page.get_by_role("search").get_by_role("searchbox")
    assert field.is_visible() and field.input_value() == "Kommune"
    assert page.title() == "Suche – Rote Fahne · Deutsch"
    field.fill("Paris")
    field.press("Enter")
    page.wait_for_url(f"{site_url}de/search.html?q=Paris")
    wide = new_page(browser, viewport={"width": 1280, "height": 800})
    wide.goto(f"{site_url}de/search.html")
    assert not wide.locator(".editions-search-form").is_visible()  # the sidebar has one


SECTION = "part-iii-workers-must-seize-state-power"


def one_line(page: Page) -> bool:
    """Whether the switcher takes one line of its text (it may scroll, never wrap)."""
    nav = page.locator("nav.editions-switcher")
    height = nav.evaluate("nav => nav.getBoundingClientRect().height")
    line = nav.evaluate("nav => parseFloat(getComputedStyle(nav.querySelector('li')).lineHeight)")
    return bool(height < 2 * line + 16)  # one line and its padding


def test_switcher_keeps_the_search_query(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="es-ES", viewport={"width": 1200, "height": 800})
    page.goto(f"{site_url}es/search.html?q=Commune")
    link = page.locator(".editions-switcher a", has_text="Deutsch")
    assert link.get_attribute("href") == "../de/search.html?q=Commune"
    link.click()
    page.wait_for_url(f"{site_url}de/search.html?q=Commune")
    page.locator("ul.search li").first.wait_for(timeout=10_000)


def test_switcher_keeps_the_section(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="fr-FR", viewport={"width": 1200, "height": 800})
    page.goto(f"{site_url}fr/{ARTICLE}")
    page.locator(f"#{SECTION} h2").hover()
    page.locator(f'a.headerlink[href="#{SECTION}"]').click()  # the reader points at a section
    page.locator(".editions-switcher a", has_text="العربية").click()
    page.wait_for_url(f"{site_url}ar/{ARTICLE}#{SECTION}")
    assert page.locator(f"#{SECTION}").is_visible()


def test_without_javascript_the_switcher_links_to_the_same_page(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, java_script_enabled=False, viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}es/{ARTICLE}")
    assert one_line(page)  # a few editions: side by side, scrolling sideways on a phone
    page.locator(".editions-switcher a", has_text="Deutsch").click()
    page.wait_for_url(f"{site_url}de/{ARTICLE}")


def test_switcher_on_a_phone_is_one_line_and_works_with_the_keyboard(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, locale="es-ES", viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}es/{ARTICLE}")
    summary = page.locator(".editions-switcher summary")
    assert summary.is_visible() and summary.inner_text().strip() == "5 idiomas"
    assert one_line(page)
    german = page.locator(".editions-switcher a", has_text="Deutsch")
    assert not german.is_visible()

    def focused() -> str:
        return str(page.evaluate("document.activeElement.textContent.trim()"))

    page.keyboard.press("Tab")
    assert focused() == "Saltar al contenido"  # the skip link first
    page.keyboard.press("Tab")
    assert focused() == "5 idiomas"
    page.keyboard.press("Enter")
    assert german.is_visible()
    page.keyboard.press("Escape")
    assert not german.is_visible() and focused() == "5 idiomas"
    page.keyboard.press("Space")
    for _ in range(3):  # English, Français, Deutsch: Español is the page itself
        page.keyboard.press("Tab")
    assert focused() == "Deutsch"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}de/{ARTICLE}")


def test_on_a_phone_the_keyboard_opens_the_menu_and_the_contents(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, locale="es-ES", viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}es/{ARTICLE}")
    reached = []
    for _ in range(12):  # every Tab stop lands on something the reader can see
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => {
                const element = document.activeElement;
                const box = element.getBoundingClientRect();
                const shown = getComputedStyle(element).visibility === "visible";
                return {menu: element.matches("label.nav-overlay-icon"), shown,
                        inside: box.right > 0 && box.left < innerWidth && box.width > 0};
            }"""
            )
        )
        if reached[-1]["menu"]:
            break
    assert all(stop["shown"] and stop["inside"] for stop in reached), reached
    assert reached[-1]["menu"], "the menu button is not in the Tab order"
    page.keyboard.press("Enter")
    drawer = page.locator(".sidebar-drawer")
    page.wait_for_function("document.getElementById('__navigation').checked")
    assert page.locator("label.nav-overlay-icon").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__navigation').checked")
    assert page.evaluate("document.activeElement.matches('label.nav-overlay-icon')")
    assert drawer.evaluate("d => getComputedStyle(d).visibility") == "hidden"

    contents = page.locator("label.toc-header-icon")
    contents.focus()
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__toc').checked")
    page.locator(".toc-drawer a").nth(1).click()  # a section: the drawer gets out of the way
    page.wait_for_function("!document.getElementById('__toc').checked")


def test_the_language_list_closes_when_the_focus_leaves_it(browser: Browser, site_url: str) -> None:
    page = new_page(browser, locale="es-ES", viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}es/{ARTICLE}")
    page.locator(".editions-switcher summary").focus()
    page.keyboard.press("Enter")
    links = page.locator(".editions-switcher li > *")
    assert links.count() == 6  # five editions and "all editions"
    heights = links.evaluate_all("items => items.map(item => item.offsetHeight)")
    assert min(heights) >= 44, heights  # a finger's width
    starts = links.evaluate_all(
        """items => items.map(item => {
            const text = document.createRange();
            text.selectNodeContents(item);
            return Math.round(text.getBoundingClientRect().left);
        })"""
    )
    assert len(set(starts)) == 1, starts  # العربية too starts on the left, as the list does
    for _ in range(links.count()):
        page.keyboard.press("Tab")
    assert not page.locator(".editions-switcher details").evaluate("menu => menu.open")


def test_many_editions_stay_one_line(
    browser: Browser, make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declaration = root / "pyproject.toml"
    codes = ["es", "de", "fr", "pl", "pt-BR", "ar"]  # seven editions: more than fit
    text = declaration.read_text(encoding="utf-8")
    languages = "".join(f'    {{ code = "{code}" }},\n' for code in codes)
    text = re.sub(r"languages = \[\n.*?\]", f"languages = [\n{languages}]", text, flags=re.DOTALL)
    declaration.write_text(text, encoding="utf-8")
    assert editions("--project", root, "update").code == 0  # the new languages' catalogs
    assert editions("--project", root, "build").code == 0
    with served(root / "build" / "html") as url:
        for width, script in ((390, True), (1200, True), (1200, False)):
            page = new_page(
                browser, viewport={"width": width, "height": 800}, java_script_enabled=script
            )
            page.goto(f"{url}en/news/harbour.html")
            summary = page.locator(".editions-switcher summary")
            assert summary.inner_text().strip() == "7 languages"
            assert one_line(page), width
            summary.click()
            page.locator(".editions-switcher a", has_text="Polski").click()
            page.wait_for_url(f"{url}pl/news/harbour.html")


def test_a_missing_page_leads_to_the_404_page_of_its_edition(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, locale="fr-FR")
    page.goto(f"{site_url}de/articles/gone.html")
    page.wait_for_url(f"{site_url}de/404.html")
    assert page.locator("h1").inner_text() == "Seite nicht gefunden"
    page.goto(f"{site_url}gone/elsewhere.html")  # in no edition: the reader's own
    page.wait_for_url(f"{site_url}fr/404.html")
    assert page.locator("h1").inner_text() == "Page introuvable"


@pytest.mark.parametrize("name", ["status.html", "status.ar.html", "status.de.html"])
def test_the_status_page_fits_a_phone(browser: Browser, site_url: str, name: str) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}{name}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name=re.compile("All editions|Alle Ausgaben|كل الطبعات")).click()
    page.wait_for_url(f"{site_url}index.html?choose")


def test_the_status_page_follows_the_readers_dark_mode(browser: Browser, site_url: str) -> None:
    page = new_page(browser, color_scheme="dark")
    page.goto(f"{site_url}status.de.html")
    colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(int(part) for part in re.findall(r"\d+", colour)[:3]) < 150, colour


def test_arabic_drawers_and_arrow_keys_are_mirrored(browser: Browser, site_url: str) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}ar/{ARTICLE}")
    page.locator("label.nav-overlay-icon").click()
    drawer = page.locator(".sidebar-drawer")
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.sidebar-drawer')).right == '0px'"
    )
    box = drawer.bounding_box()
    assert box is not None and box["x"] + box["width"] == pytest.approx(390, abs=1)
    page.goto(f"{site_url}ar/index.html")
    page.keyboard.press("ArrowLeft")  # the next page, which is on the left
    page.wait_for_url(f"{site_url}ar/{ARTICLE}")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"{site_url}ar/index.html")
    english = new_page(browser)
    english.goto(f"{site_url}en/index.html")
    english.keyboard.press("ArrowRight")  # left to right, as Sphinx has it
    english.wait_for_url(f"{site_url}en/{ARTICLE}")


@pytest.mark.parametrize(
    "address",
    [
        "index.html?choose",
        "status.html",
        "status.ar.html",
        f"en/{ARTICLE}",
        f"de/{ARTICLE}",
        f"ar/{ARTICLE}",
        "de/search.html?q=Kommune",
        "fr/404.html",
    ],
)
def test_no_serious_accessibility_violation(
    browser: Browser, site_url: str, axe_script: str, address: str
) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}{address}")
    if "search.html" in address:
        page.locator("ul.search li").first.wait_for(timeout=10_000)
    assert serious_violations(page, axe_script) == []


# --- The notice line and the marks on paragraphs shown in English (tests/roots/test-notices)


@pytest.fixture(scope="module")
def notices_url(notices_site: Path) -> Iterator[str]:
    """The story partly translated in four editions, served on a free local port."""
    with served(notices_site) as url:
        yield url


def headline_push(page: Page) -> dict[str, float]:
    """How far the notice moves the headline down, and what one line of text measures."""
    figures: dict[str, float] = page.evaluate(
        """() => {
          const notice = document.querySelector(".editions-notice");
          const headline = () => document.querySelector("article h1").getBoundingClientRect().top;
          const before = headline();
          const height = notice.getBoundingClientRect().height;
          const noticeLine = parseFloat(getComputedStyle(notice).lineHeight);
          const paragraph = document.querySelector("article p");
          const textLine = parseFloat(getComputedStyle(paragraph).lineHeight);
          notice.remove();
          return {push: before - headline(), height, noticeLine, textLine};
        }"""
    )
    return figures


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("tag", ["de", "ar"])
def test_the_notice_is_one_line_moving_the_headline_down_by_one_line_at_most(
    browser: Browser, notices_url: str, site_url: str, width: int, tag: str
) -> None:
    RESULTS.mkdir(exist_ok=True)
    pages = {"story": f"{notices_url}{tag}/story.html", "article": f"{site_url}{tag}/{ARTICLE}"}
    for name, url in pages.items():
        page = new_page(browser, viewport={"width": width, "height": 800})
        page.goto(url)
        if page.locator(".editions-notice").count() == 0:
            assert (tag, name) == ("ar", "article")  # the Arabic article is complete
            continue
        page.screenshot(path=str(RESULTS / f"notice-{name}-{tag}-{width}.png"))
        figures = headline_push(page)
        assert figures["height"] < 1.5 * figures["noticeLine"], (url, figures)  # one line
        assert 0 < figures["push"] <= figures["textLine"], (url, figures)


def test_a_search_quote_leaves_out_the_notice_and_the_marks(
    browser: Browser, notices_url: str
) -> None:
    page = new_page(browser)
    for query in ("Straße", "ferry"):  # a word of the headline, one of the English paragraphs
        page.goto(f"{notices_url}de/search.html?q={query}")
        story = page.locator("ul.search li", has=page.locator('a[href*="story.html"]'))
        story.locator("p.context").first.wait_for(timeout=10_000)
        quotes = story.locator("p.context").all_inner_texts()  # the page's, its sections'
        for quote in quotes:
            assert query in quote
            for words in ("übersetzt", "Absätze", "Nicht übersetzt", "Seit der Übersetzung"):
                assert words not in quote, (words, quote)
        if query == "Straße":  # a hit near the start: the quote starts with the headline
            assert quotes[0].removeprefix("...").lstrip().startswith("Die lange Straße"), quotes


def test_a_mark_leads_to_its_paragraph_on_the_english_page(
    browser: Browser, notices_url: str
) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 500})
    page.goto(f"{notices_url}de/story.html")
    page.get_by_role("link", name="Seit der Übersetzung geändert").click()
    page.wait_for_url(re.compile(re.escape(f"{notices_url}en/story.html") + "#the-ferry"))
    paragraph = page.locator("p", has_text="The ferry left at six in the morning.")
    paragraph.wait_for()
    assert page.evaluate("document.documentElement.lang") == "en"
    box = paragraph.bounding_box()
    assert box is not None and 0 <= box["y"] < 500  # scrolled to it


@pytest.mark.parametrize("tag", ["de", "ar"])
def test_no_serious_accessibility_violation_on_a_page_with_marks(
    browser: Browser, notices_url: str, axe_script: str, tag: str
) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 800})
    page.goto(f"{notices_url}{tag}/story.html")
    assert page.locator(".editions-mark").count() == 4
    assert serious_violations(page, axe_script) == []
