"""The publication's name in each language, and a landing page that looks like the publication.

The name is declared once in ``[tool.editions]`` (``title``, and each language's
``title``); each edition's site name, ``<title>``, ``og:site_name``, footer and
status page say it in the edition's language, and an edition with no name of its
own says the main title, which the build and ``editions status`` point out.  The
landing page uses furo's own stylesheet (its fonts, colours and dark mode) and
speaks the reader's language once it knows it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browsing import new_page, serious_violations, served
from conftest import CHROMIUM
from editions.chrome_words import package_folder
from editions.declaration import Language, Project, load_project
from editions.errors import EditionsError
from editions.landing import edition_articles, render_landing

# The publication's name in each edition, as the project's own pyproject.toml declares it.
NAMES = {
    "en": "Red Flag",
    "es": "Bandera Roja",
    "fr": "Drapeau rouge",
    "de": "Rote Fahne",
    "ar": "الراية الحمراء",
}
ARTICLE = "articles/paris-commune-1871-part-3.html"
SCREENSHOTS = Path("/tmp")

browser_only = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"
)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def declare(root: Path, old: str, new: str) -> None:
    declaration = root / "pyproject.toml"
    text = read(declaration)
    assert old in text
    declaration.write_text(text.replace(old, new), encoding="utf-8")


# --- The declaration -------------------------------------------------------------------------


def test_each_language_may_name_the_publication_and_the_others_say_the_main_title(
    make_project: Callable[[str], Path],
) -> None:
    root = make_project("test-basic")
    declare(root, '{ code = "de" }', '{ code = "de", title = "Testzeitung" }')
    project = load_project(root)
    english, spanish, german = project.editions
    assert [project.title_of(language) for language in project.editions] == [
        "Test Gazette",
        "Test Gazette",
        "Testzeitung",
    ]
    assert [project.title_fallback(language) for language in project.editions] == [
        False,  # the source language's name is the main title itself
        True,
        False,
    ]


@pytest.mark.parametrize(
    "title",
    ['""', '"  "', "3", '"Two\\nlines"', '["Bandera", "Roja"]'],
)
def test_a_title_that_is_not_one_line_of_text_is_refused_with_its_line(
    make_project: Callable[[str], Path], editions: Callable[..., Any], title: str
) -> None:
    root = make_project("test-basic")
    declare(root, '{ code = "de" }', f'{{ code = "de", title = {title} }}')
    line = (
        read(root / "pyproject.toml").splitlines().index(f'    {{ code = "de", title = {title} }},')
    )
    with pytest.raises(EditionsError, match=rf"pyproject.toml:{line + 1}: the title of 'de'"):
        load_project(root)
    result = editions("--project", root, "status")
    assert result.code != 0
    assert f"pyproject.toml:{line + 1}: the title of 'de' must be" in result.err
    assert "Traceback" not in result.err


def test_an_unknown_option_beside_the_title_is_still_refused(
    make_project: Callable[[str], Path],
) -> None:
    root = make_project("test-basic")
    declare(root, '{ code = "de" }', '{ code = "de", titel = "Testzeitung" }')
    with pytest.raises(EditionsError, match="unknown option.*titel.*allowed: code"):
        load_project(root)


# --- Each edition's name, in a real build of the publication ------------------------------


@pytest.mark.parametrize("tag", list(NAMES))
def test_each_edition_names_the_publication_in_its_language(site: Path, tag: str) -> None:
    name = NAMES[tag]
    front = read(site / tag / "index.html")
    article = read(site / tag / ARTICLE)
    assert re.search(rf"<title>{name} · [^<]+</title>", front)
    assert re.search(rf"<title>[^<]+ – {name} · [^<]+</title>", article)
    for page in (front, article):
        assert f'<span class="sidebar-brand-text">{name}</span>' in page
        assert f'<meta property="og:site_name" content="{name}" />' in page
        assert f"&#169; 2026, {name}\n" in page  # the footer ("Copyright" is in the edition's)
        others = [other for other_tag, other in NAMES.items() if other_tag != tag]
        assert not any(f"<title>{other}" in page for other in others)
    assert re.search(rf"<title>[^<]+ – {name} · [^<]+</title>", read(site / tag / "404.html"))


@pytest.mark.parametrize("tag", list(NAMES))
def test_the_status_page_names_the_publication_in_its_language(site: Path, tag: str) -> None:
    page = read(site / ("status.html" if tag == "en" else f"status.{tag}.html"))
    heading = re.search(r"<h1>([^<]+)</h1>", page)
    assert heading is not None and heading.group(1).startswith(f"{NAMES[tag]}")
    assert f"<title>{heading.group(1)}</title>" in page


def test_a_name_that_looks_like_markup_stays_text_in_every_place(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    hostile = "Zeitung<img src=x onerror=alert(1)> & Co"
    declare(root, '{ code = "de" }', f'{{ code = "de", title = "{hostile}" }}')
    result = editions("--project", root, "build")
    assert result.code == 0, result.err
    html = root / "build" / "html"
    for page in (html / "de" / "index.html", html / "index.html", html / "status.de.html"):
        text = read(page)
        assert "<img src=x" not in text, page
        assert "Zeitung&lt;img src=x onerror=alert(1)&gt; &amp; Co" in text, page
    assert "Zeitung\\u003cimg" in read(html / "index.html")  # the landing's words, as JSON


def test_an_edition_without_a_name_of_its_own_says_the_main_title_and_the_tools_say_so(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declare(root, '{ code = "de" }', '{ code = "de", title = "Testzeitung" }')
    built = editions("--project", root, "build")
    assert built.code == 0, built.err
    [warning] = [line for line in built.err.splitlines() if "publication's name" in line]
    assert warning == (
        'editions: warning: es: the publication\'s name will show as "Test Gazette", the '
        'main title; name it in pyproject.toml: { code = "es", title = "..." }'
    )
    html = root / "build" / "html"
    assert '<span class="sidebar-brand-text">Test Gazette</span>' in read(html / "es/index.html")
    assert '<span class="sidebar-brand-text">Testzeitung</span>' in read(html / "de/index.html")

    status = editions("--project", root, "status", "--json")
    assert status.code == 0, status.err
    chrome = {lang["language"]: lang["chrome"] for lang in json.loads(status.out)["languages"]}
    assert (chrome["es"]["name"], chrome["de"]["name"]) == (1, 0)
    assert chrome["es"]["untranslated"] == chrome["es"]["theme"] + chrome["es"]["editions"] + 1
    table = editions("--project", root, "status")
    [spanish] = [line for line in table.out.splitlines() if line.startswith("es: ")]
    [german] = [line for line in table.out.splitlines() if line.startswith("de: ")]
    assert "the publication's name)" in spanish and "the publication's name" not in german


# --- The landing page --------------------------------------------------------------------------


def test_the_landing_page_uses_furos_own_stylesheet_with_its_dark_mode(site: Path) -> None:
    landing = read(site / "index.html")
    assert '<link rel="stylesheet" href="_static/furo.css">' in landing
    copy = (site / "_static" / "furo.css").read_bytes()
    furo = package_folder("furo") / "theme" / "furo" / "static" / "styles" / "furo.css"
    assert copy == furo.read_bytes()
    css = copy.decode("utf-8")
    assert "@media(prefers-color-scheme:dark){body:not([data-theme=light])" in css
    assert "body[data-theme=dark]" in css
    assert 'localStorage.getItem("theme")' in landing  # the reader's choice in any edition


def test_the_landing_page_is_the_publication_with_a_card_per_edition(site: Path) -> None:
    landing = read(site / "index.html")
    assert '<html lang="en" dir="ltr">' in landing
    assert (
        "<title>Red Flag</title>" in landing and '<h1 id="landing-title">Red Flag</h1>' in landing
    )
    project = load_project(site.parent.parent)
    cards = re.findall(r'<li class="edition" (.*?)\n  </li>', landing, flags=re.DOTALL)
    assert len(cards) == len(project.editions)
    for language, card in zip(project.editions, cards, strict=True):
        assert card.startswith(f'lang="{language.bcp47}" dir="{language.direction}"')
        assert f">{language.native_name}</a></h2>" in card
        assert f'<p class="edition-name">{NAMES[language.tag]}</p>' in card
        assert 'class="completeness"' in card
        heading = re.search(r"<h1>(.*?)<a", read(site / language.tag / ARTICLE), re.DOTALL)
        assert heading is not None
        article_title = heading.group(1).strip()
        assert f'<a href="{language.tag}/{ARTICLE}" ' in card
        assert f">{article_title}</a></li>" in card


def test_the_landing_page_carries_its_words_in_every_declared_language(site: Path) -> None:
    landing = read(site / "index.html")
    found = re.search(r'<script type="application/json" id="landing-words">(.*?)</script>', landing)
    assert found is not None
    versions = json.loads(found.group(1))
    assert [version["tag"] for version in versions] == list(NAMES)  # in the declared order
    words = {version["tag"]: version for version in versions}
    assert {tag: version["title"] for tag, version in words.items()} == NAMES
    assert words["de"] == {
        "tag": "de",
        "lang": "de",
        "dir": "ltr",
        "title": "Rote Fahne",
        "choose": "Wählen Sie Ihre Ausgabe",
        "status": "Stand der Übersetzung",
        "status_href": "status.de.html",
    }
    assert words["ar"]["dir"] == "rtl" and words["ar"]["status_href"] == "status.ar.html"


def published_edition_folder(
    make_project: Callable[[str], Path],
) -> tuple[Project, Language, Path]:
    """test-basic, unbuilt, with its Spanish edition's published folder made (and empty)."""
    root = make_project("test-basic")
    project = load_project(root)
    spanish = project.languages[0]
    folder = root / "build" / "html" / spanish.tag
    folder.mkdir(parents=True)
    return project, spanish, folder


def test_an_article_title_is_text_on_the_landing_page(
    make_project: Callable[[str], Path],
) -> None:
    # The titles are read from each edition's search index, as Sphinx wrote them: text.
    project, spanish, folder = published_edition_folder(make_project)
    index = {"docnames": ["index", "news/a"], "titles": ["Portada", "<img src=x onerror=alert(1)>"]}
    (folder / "searchindex.js").write_text(f"Search.setIndex({json.dumps(index)})", "utf-8")
    landing = render_landing(project, [spanish])
    assert "<img src=x" not in landing
    assert '<a href="es/news/a.html" hreflang="es" data-edition="es">&lt;img src=x' in landing
    assert "Portada" not in landing  # the front page is the card's own link


def test_an_edition_without_a_readable_search_index_lists_no_articles(
    make_project: Callable[[str], Path],
) -> None:
    project, spanish, folder = published_edition_folder(make_project)
    assert edition_articles(project, spanish) == ()
    (folder / "searchindex.js").write_text("Search.setIndex({not json", "utf-8")
    assert edition_articles(project, spanish) == ()


def test_the_landing_page_stands_without_the_english_edition(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "build", "--lang", "es")
    assert result.code == 0, result.err
    html = root / "build" / "html"
    assert not (html / "en").exists()
    landing = read(html / "index.html")
    assert '<link rel="stylesheet" href="_static/furo.css">' in landing
    assert (html / "_static" / "furo.css").stat().st_size > 10_000
    assert 'href="es/index.html"' in landing and 'href="en/index.html"' not in landing


# --- In a browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def landing_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url + "index.html?choose"


def background_lightness(page: Any) -> int:
    """The sum of the body background's red, green and blue (0 black, 765 white)."""
    colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return sum(int(part) for part in re.findall(r"\d+", colour)[:3])


@browser_only
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("locale", ["en-US", "ar"])
def test_the_landing_page_fits_a_phone_and_a_desktop(
    browser: Browser, landing_url: str, width: int, locale: str
) -> None:
    page = new_page(browser, locale=locale, viewport={"width": width, "height": 800})
    page.goto(landing_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    cards = page.locator("li.edition").all()
    assert len(cards) == len(NAMES)
    for card in cards:
        box = card.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    page.screenshot(path=str(SCREENSHOTS / f"landing-{width}-{locale}.png"), full_page=True)


@browser_only
def test_the_landing_page_follows_the_readers_dark_mode(browser: Browser, landing_url: str) -> None:
    dark = new_page(browser, color_scheme="dark", viewport={"width": 1280, "height": 800})
    dark.goto(landing_url)
    assert background_lightness(dark) < 150
    dark.screenshot(path=str(SCREENSHOTS / "landing-1280-dark.png"), full_page=True)
    light = new_page(browser, color_scheme="light")
    light.goto(landing_url)
    assert background_lightness(light) > 700
    # furo's toggle in an edition keeps the choice: the landing page follows it.
    light.evaluate("localStorage.setItem('theme', 'dark')")
    light.reload()
    assert light.evaluate("document.body.dataset.theme") == "dark"
    assert background_lightness(light) < 150


@browser_only
def test_a_german_reader_gets_the_landing_page_in_german(
    browser: Browser, landing_url: str
) -> None:
    page = new_page(browser, locale="de-DE")
    page.goto(landing_url)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.title() == "Rote Fahne"
    assert page.locator("h1").inner_text() == "Rote Fahne"
    assert page.locator("#landing-choose").inner_text() == "Wählen Sie Ihre Ausgabe"
    status = page.locator("#landing-status")
    assert status.inner_text() == "Stand der Übersetzung"
    status.click()
    page.wait_for_url(re.compile(r"status\.de\.html$"))


@browser_only
def test_an_arabic_reader_gets_it_right_to_left_with_each_card_in_its_own_direction(
    browser: Browser, landing_url: str
) -> None:
    page = new_page(browser, locale="ar", viewport={"width": 390, "height": 800})
    page.goto(landing_url)
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "الراية الحمراء"
    german = page.locator('li.edition[lang="de"]')
    assert german.evaluate("card => getComputedStyle(card).direction") == "ltr"


@browser_only
def test_without_javascript_the_landing_page_is_whole_in_the_source_language(
    browser: Browser, landing_url: str
) -> None:
    page = new_page(browser, locale="de-DE", java_script_enabled=False)
    page.goto(landing_url)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Red Flag"
    assert page.locator("li.edition h2 a").count() == len(NAMES)
    assert page.locator("li.edition .articles a").count() == len(NAMES)


@browser_only
@pytest.mark.parametrize(
    ("locale", "scheme", "width"),
    [
        ("en-US", "light", 1280),
        ("en-US", "dark", 390),
        ("ar", "dark", 1280),
        ("de-DE", "light", 390),
    ],
)
def test_the_landing_page_has_no_serious_accessibility_violation(
    browser: Browser, landing_url: str, axe_script: str, locale: str, scheme: str, width: int
) -> None:
    page = new_page(
        browser, locale=locale, color_scheme=scheme, viewport={"width": width, "height": 800}
    )
    page.goto(landing_url)
    assert serious_violations(page, axe_script) == []


def test_the_root_404_page_has_the_landing_pages_look(browser: Browser, landing_url: str) -> None:
    site = landing_url.removesuffix("index.html?choose")
    page = new_page(browser, locale="ja-JP", color_scheme="dark")  # no edition in Japanese
    page.goto(f"{site}gone/elsewhere.html")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("link[rel=stylesheet]").get_attribute("href") == "/_static/furo.css"
    assert background_lightness(page) < 150  # furo's dark mode, as every edition
