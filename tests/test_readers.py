"""Readers: every page of every edition links to its other editions, for people and robots."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import pytest

from editions.declaration import load_project

REPOSITORY = Path(__file__).parent.parent
ARTICLE = "articles/paris-commune-1871-part-3"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
GENERATED = {"search.html", "genindex.html", "404.html"}


class PageParser(HTMLParser):
    """What the static checks need from a page: <html> attributes, links, switcher, notices."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.links: list[dict[str, str | None]] = []
        self.switcher: list[dict[str, str | None]] = []
        self.notices: list[str] = []
        self._in_switcher = False
        self._in_notice = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "html":
            self.html = attributes
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "nav" and "editions-switcher" in classes:
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.switcher.append(attributes)
        elif tag == "div" and "editions-notice" in classes:
            self._in_notice = True
            self.notices.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_switcher = False
        elif tag == "div":  # the notice holds no <div>
            self._in_notice = False

    def handle_data(self, data: str) -> None:
        if self._in_notice:
            self.notices[-1] += data

    def alternates(self) -> dict[str, str]:
        return {
            str(link["hreflang"]): str(link["href"])
            for link in self.links
            if link.get("rel") == "alternate" and link.get("hreflang")
        }


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_path(page: Path, href: str, site: Path) -> str:
    """``href`` from ``page`` as a path from the site's root, e.g. ``de/index.html``."""
    joined = PurePosixPath(page.parent.relative_to(site).as_posix()) / href
    parts: list[str] = []
    for part in joined.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def edition_pages(site: Path, tag: str) -> list[Path]:
    return sorted(
        path
        for path in (site / tag).rglob("*.html")
        if not path.relative_to(site / tag).parts[0].startswith("_")
    )


@pytest.fixture(scope="module")
def declared() -> list[Any]:
    return list(load_project(REPOSITORY).editions)


def test_every_page_has_the_edition_lang_and_direction(site: Path, declared: list[Any]) -> None:
    for language in declared:
        for page in edition_pages(site, language.tag):
            html = parse(page).html
            assert html.get("lang") == language.bcp47, page
            expected_dir = "rtl" if language.tag == "ar" else None
            assert html.get("dir") == expected_dir, page


def test_every_hreflang_resolves_to_a_built_page(site: Path, declared: list[Any]) -> None:
    checked = 0
    for language in declared:
        for page in edition_pages(site, language.tag):
            for hreflang, href in parse(page).alternates().items():
                assert (site / site_path(page, href, site)).is_file(), (page, hreflang, href)
                checked += 1
    assert checked > 0


def test_every_edition_of_a_page_lists_the_same_alternates(site: Path, declared: list[Any]) -> None:
    pages = {p.relative_to(site / "en").as_posix() for p in edition_pages(site, "en")}
    for name in sorted(pages - {"404.html"}):
        sets = {
            language.tag: {
                (lang, site_path(site / language.tag / name, href, site))
                for lang, href in parse(site / language.tag / name).alternates().items()
            }
            for language in declared
        }
        first = sets["en"]
        assert {lang for lang, _ in first} == {
            *(language.bcp47 for language in declared),
            "x-default",
        }
        assert all(alternates == first for alternates in sets.values()), name
        # An article's default is itself in English; a front page's, the landing page.
        default = "index.html" if name == "index.html" else f"en/{name}"
        assert ("x-default", default) in first


def test_switcher_on_every_page_links_to_the_same_page_in_each_other_edition(
    site: Path, declared: list[Any]
) -> None:
    for language in declared:
        for page in edition_pages(site, language.tag):
            name = page.relative_to(site / language.tag).as_posix()
            links = {
                str(link["data-edition"]): str(link["href"])
                for link in parse(page).switcher
                if link.get("data-edition")
            }
            others = {other.tag for other in declared if other != language}
            assert set(links) == others, page
            for tag, href in links.items():
                if name == "404.html":  # served at any depth: front pages, from the root
                    assert href == f"/{tag}/index.html"
                else:
                    assert site_path(page, href, site) == f"{tag}/{name}", (page, href)


def test_switcher_is_labelled_with_native_names(site: Path) -> None:
    html = (site / "es" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="editions-switcher') :]
    nav = nav[: nav.index("</nav>")]
    for name in ("English", "Français", "Deutsch", "العربية"):
        assert name in nav
    assert 'aria-label="Idioma"' in nav
    assert "Todas las ediciones" in nav and "../../index.html?choose" in nav


def test_sitemap_lists_every_page_of_every_edition_with_alternates(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declare(root, 'base-url = "https://news.example.org/"')
    assert editions("--project", root, "build").code == 0
    site = root / "build" / "html"
    declared = load_project(root).editions
    tree = ElementTree.parse(site / "sitemap.xml")
    urls = tree.getroot().findall(f"{SITEMAP}url")
    listed = {str(url.findtext(f"{SITEMAP}loc")) for url in urls}
    expected = {
        "https://news.example.org/" + page.relative_to(site).as_posix()
        for language in declared
        for page in edition_pages(site, language.tag)
        if page.name not in GENERATED
    }
    assert listed == expected
    assert "https://news.example.org/de/news/market.html" in listed
    for url in urls:
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        assert set(alternates) == {*(language.bcp47 for language in declared), "x-default"}
        page = str(url.findtext(f"{SITEMAP}loc")).split("/", 4)[-1]
        front = page == "index.html"
        default = "https://news.example.org/" + ("" if front else f"en/{page}")
        assert alternates["x-default"] == default
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots


def test_without_base_url_a_build_warns_once_and_writes_no_sitemap(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declare(root, "base-url")
    result = editions("--project", root, "build")
    assert result.code == 0
    assert result.err.count("base-url is not set") == 1
    assert f"{root / 'pyproject.toml'}" in result.err
    site = root / "build" / "html"
    assert not (site / "sitemap.xml").exists()
    assert "Sitemap" not in (site / "robots.txt").read_text(encoding="utf-8")
    html = (site / "es" / "news" / "harbour.html").read_text(encoding="utf-8")
    assert "og:url" not in html and "og:image" not in html  # they must be absolute
    strict = editions("--project", root, "build", "--strict")
    assert strict.code == 2 and "--strict" in strict.err and "base-url" in strict.err
    assert "Traceback" not in strict.err


def test_german_article_says_it_is_partly_translated_in_german(site: Path) -> None:
    notices = parse(site / "de" / f"{ARTICLE}.html").notices
    assert len(notices) == 1
    assert re.fullmatch(r"Zu \d\d\xa0% übersetzt · \d+ Absätze auf Englisch", notices[0]), notices
    html = (site / "de" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    assert '<p class="untranslated editions-source-ltr" lang="en">' in html
    links = re.findall(r'<a href="../../en/articles/paris-commune-1871-part-3.html#([^"]*)"', html)
    assert len(links) == html.count('class="untranslated')
    # A long paragraph is found by its first and last four words.
    assert any(
        re.fullmatch(r"[\w-]+:~:text=([^,%]+%20){3}[^,]+,([^,%]+%20){3}[^,]+", link)
        for link in links
    )


def test_complete_editions_show_no_notice(site: Path) -> None:
    for tag in ("es", "fr", "ar", "en"):
        assert parse(site / tag / f"{ARTICLE}.html").notices == [], tag


def test_theme_words_and_date_are_in_the_edition_language(site: Path) -> None:
    html = (site / "de" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    for words in ("Zum Inhalt springen", "Nach oben", "Auf dieser Seite", "Zuletzt aktualisiert"):
        assert words in html
    assert re.search(r"Zuletzt aktualisiert am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}", html)
    arabic = (site / "ar" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    assert "انتقل إلى المحتوى" in arabic and "editions-rtl.css" in arabic
    assert "editions-rtl.css" not in html


def test_a_page_is_dated_by_its_source_not_by_the_build_that_read_it(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    """Outside a git repository, by the modification times of its files."""
    root = make_project("test-basic")
    assert subprocess.run(["git", "-C", str(root), "rev-parse"], capture_output=True).returncode
    march = datetime(2020, 3, 15, 12, tzinfo=UTC).timestamp()
    os.utime(root / "source/news/harbour.rst", (march, march))
    page = root / "build/html/en/news/harbour.html"
    for fmt in ("%Y", "%d"):  # a changed setting makes Sphinx read every page again
        result = editions(
            "--project", root, "build", "--lang", "en", "-D", f"html_last_updated_fmt={fmt}"
        )
        assert result.code == 0, result.err
        assert "March 15, 2020" in page.read_text(encoding="utf-8")


def test_title_has_translated_article_title_and_native_name(site: Path) -> None:
    html = (site / "es" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    title = re.search(r"<title>([^<]*)</title>", html)
    assert title is not None
    assert title.group(1).endswith("– Bandera Roja · Español")  # the publication's Spanish name
    assert "Paris Commune" not in title.group(1)  # the Spanish title, not the English


def test_404_page_offers_every_edition_front_page(site: Path, declared: list[Any]) -> None:
    html = (site / "fr" / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in html
    for language in declared:
        assert f'<li><a href="/{language.tag}/index.html"' in html
    assert 'rel="alternate"' not in html and 'rel="canonical"' not in html


def test_landing_page_gives_each_edition_completeness_in_its_language(site: Path) -> None:
    landing = (site / "index.html").read_text(encoding="utf-8")
    completeness = r'<p class="completeness"><span lang="{}" dir="ltr">{}'
    assert re.search(completeness.format("de", "zu \\d\\d\xa0% übersetzt"), landing)
    assert re.search(completeness.format("es", "traducida al 100\xa0%"), landing)


def declare(root: Path, line: str) -> None:
    """Set one option of the test publication's ``[tool.editions]`` (``""``: none)."""
    declaration = root / "pyproject.toml"
    name = line.split("=")[0].strip()
    text = declaration.read_text(encoding="utf-8")
    text = "".join(
        kept for kept in text.splitlines(keepends=True) if not kept.startswith(f"{name} =")
    )
    if "=" in line:
        text = text.replace("[tool.editions]\n", f"[tool.editions]\n{line}\n")
    declaration.write_text(text, "utf-8")


def test_base_url_makes_canonical_hreflang_and_sitemap_absolute(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declare(root, 'base-url = "https://news.example.org/gazette"')
    assert editions("--project", root, "build").code == 0
    site = root / "build" / "html"
    page = parse(site / "es" / "news" / "harbour.html")
    canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
    assert canonical == ["https://news.example.org/gazette/es/news/harbour.html"]
    assert page.alternates() == {
        "en": "https://news.example.org/gazette/en/news/harbour.html",
        "es": "https://news.example.org/gazette/es/news/harbour.html",
        "de": "https://news.example.org/gazette/de/news/harbour.html",
        "x-default": "https://news.example.org/gazette/en/news/harbour.html",
    }
    front = parse(site / "es" / "index.html").alternates()
    assert front["x-default"] == "https://news.example.org/gazette/"
    html = (site / "es" / "news" / "harbour.html").read_text(encoding="utf-8")
    og_url = "https://news.example.org/gazette/es/news/harbour.html"
    assert f'property="og:url" content="{og_url}"' in html
    assert '<a href="/gazette/de/index.html"' in (site / "es" / "404.html").read_text("utf-8")
    locs = {
        url.findtext(f"{SITEMAP}loc")
        for url in ElementTree.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    }
    assert "https://news.example.org/gazette/de/news/market.html" in locs
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://news.example.org/gazette/sitemap.xml" in robots


def test_a_relative_base_url_is_refused_with_the_file_named(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declare(root, 'base-url = "news.example.org"')
    result = editions("--project", root, "build")
    assert result.code != 0
    assert "pyproject.toml" in result.err + result.out and "base-url" in result.err + result.out
    assert "Traceback" not in result.err


def test_spanish_article_marks_the_paragraph_whose_english_changed_since_translation(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("publication")
    assert editions("--project", root, "build", "--lang", "es").code == 0
    page = root / "build" / "html" / "es" / f"{ARTICLE}.html"
    assert parse(page).notices == []
    source = root / "source" / f"{ARTICLE}.rst"
    text = source.read_text(encoding="utf-8")
    edited = text.replace("Commune", "Commune of Paris", 1)
    assert edited != text
    source.write_text(edited, encoding="utf-8")
    assert editions("--project", root, "update", "--lang", "es").code == 0
    catalog = root / "locale" / "es" / "LC_MESSAGES" / f"{ARTICLE}.po"
    assert "#, fuzzy" in catalog.read_text(encoding="utf-8")
    assert editions("--project", root, "build", "--lang", "es").code == 0
    [notice] = parse(page).notices
    assert re.fullmatch(r"Traducida al \d\d\xa0% · 1 párrafo en inglés", notice), notice
    html = page.read_text(encoding="utf-8")
    # The headline's English changed: it is shown in English, marked.
    [changed] = re.findall(r'<h1 class="[^"]*editions-changed[^"]*" lang="en">(.*?)</h1>', html)
    assert ">Cambió desde la traducción</a></span>" in changed and "Commune of Paris" in changed


def test_search_indexes_each_edition_in_its_language_where_sphinx_can(site: Path) -> None:
    def stemmer(tag: str) -> str:
        script = (site / tag / "_static" / "language_data.js").read_text(encoding="utf-8")
        found = re.search(r"var (\w+)Stemmer", script)
        assert found is not None
        return found.group(1)

    assert stemmer("de") == "German"
    assert stemmer("es") == "Spanish"
    assert stemmer("ar") == "English"  # Sphinx has no Arabic search: English, not an error


FUZZY_CATALOG = """\
#, fuzzy
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#, fuzzy
msgid "The harbour reopened."
msgstr "El puerto reabrió."

#, fuzzy, python-format
msgid "One ship"
msgid_plural "%(n)s ships"
msgstr[0] "Un barco"
msgstr[1] "%(n)s barcos"

#, fuzzy
msgid "Not translated yet."
msgstr ""

msgid "The market."
msgstr "El mercado."

#, fuzzy
#~ msgid "Gone."
#~ msgstr "Ido."
"""


def test_the_changed_translations_are_the_fuzzy_ones_and_a_changed_catalog_is_reread(
    tmp_path: Path,
) -> None:
    from babel.messages.pofile import read_po

    from editions.sphinxext.notices import page_figures

    path = tmp_path / "harbour.po"
    path.write_text(FUZZY_CATALOG, encoding="utf-8")
    # Not the header, nor the entry without a translation, nor the obsolete one.
    assert page_figures(path).changed == {"The harbour reopened.", "One ship"}
    with path.open("rb") as po:
        babel_count = sum(1 for m in read_po(po) if m.id and m.fuzzy)
    assert babel_count == 3  # Babel also counts the empty one: the page shows its English
    path.write_text(FUZZY_CATALOG.replace('#, fuzzy\nmsgid "The', 'msgid "The'), "utf-8")
    assert page_figures(path).changed == {"One ship"}


def search_terms(site: Path, tag: str) -> set[str]:
    """The words (as stemmed) that Sphinx's search index of one edition knows."""
    script = (site / tag / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    return set(index["terms"]) | set(index["titleterms"])


def test_the_search_index_has_the_article_words_not_the_notice(site: Path) -> None:
    from sphinx.search.de import SearchGerman

    notice = parse(site / "de" / f"{ARTICLE}.html").notices
    assert "übersetzt" in notice[0] and "Absätze" in notice[0]
    html = (site / "de" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    assert ">Nicht übersetzt</a>" in html  # the marks' words
    stem = SearchGerman({}).stem
    terms = search_terms(site, "de")
    assert stem("Kommune") in terms
    for word in ("übersetzt", "Absätze"):
        assert stem(word) not in terms, word


def test_the_search_page_plural_rule_is_arithmetic_that_yields_a_number() -> None:
    from editions.errors import EditionsError
    from editions.javascript_catalog import javascript_plural

    german = load_project(REPOSITORY).select(["de"])[0]
    # In JavaScript `(n != 1)` is a boolean, and Sphinx indexes the plural forms with it.
    assert javascript_plural("(n != 1)", german) == "Number((n != 1))"
    for script in ("alert(1)", "n; fetch('//x')", "(n != 1))"):
        with pytest.raises(EditionsError, match="Plural-Forms"):
            javascript_plural(script, german)


def test_one_completeness_figure_on_landing_notice_status_page_and_command_line(
    site: Path, editions: Callable[..., Any]
) -> None:
    import polib
    from babel.numbers import format_percent

    from editions.status import count_words, project_status

    root = site.parent.parent
    [german] = [
        figures for figures in project_status(load_project(root)) if figures.language == "de"
    ]
    [article] = [document for document in german.documents if document.document == ARTICLE]
    # The definition: English words of the publication translated (not fuzzy), rounded down.
    entries = [entry for entry in polib.pofile(str(article.path)) if not entry.obsolete]
    words = sum(count_words(entry.msgid) for entry in entries)
    done = sum(count_words(entry.msgid) for entry in entries if entry.translated())
    assert article.completeness == 100 * done // words < 100
    assert 0 < german.completeness < 100
    assert german.theme is not None and german.publication.documents == [
        document for document in german.documents if document.document != "sphinx"
    ]
    edition, page = (format_percent(f.completeness / 100, locale="de") for f in (german, article))

    landing = (site / "index.html").read_text(encoding="utf-8")
    assert f'<span lang="de" dir="ltr">zu {edition} übersetzt</span>' in landing
    assert parse(site / "de" / f"{ARTICLE}.html").notices[0].startswith(f"Zu {page} übersetzt · ")
    status_page = (site / "status.de.html").read_text(encoding="utf-8")
    language_row = status_page[status_page.index('<tr class="language" id="de">') :]
    figures = re.findall(r'<span class="figure">([^<]*)</span>', language_row)
    assert figures[:2] == [edition, page]
    result = editions("--project", root, "status", "--lang", "de")
    assert result.code == 0
    assert re.search(rf"^de: +{german.completeness}% of ", result.out, re.MULTILINE)
    assert re.search(rf"^ +{article.completeness}% .* {ARTICLE}$", result.out, re.MULTILINE)


def test_generated_pages_are_kept_from_search_engines_and_the_search_page_has_a_heading(
    site: Path, declared: list[Any]
) -> None:
    noindex = re.compile(r'<meta name="robots" content="noindex" ?/?>')
    root = (site / "404.html").read_text(encoding="utf-8")
    assert noindex.search(root) and "<h1>Page not found</h1>" in root
    for language in declared:
        assert f'<a href="/{language.tag}/index.html"' in root
        for name in ("404.html", "search.html"):
            html = (site / language.tag / name).read_text(encoding="utf-8")
            assert len(noindex.findall(html)) == 1, (language.tag, name)
    assert "<h1>Suche</h1>" in (site / "de" / "search.html").read_text(encoding="utf-8")
    assert "<h1>Search</h1>" in (site / "en" / "search.html").read_text(encoding="utf-8")


def test_no_empty_index_page_in_a_publication_without_index_entries(
    site: Path, declared: list[Any]
) -> None:
    for language in declared:
        assert not (site / language.tag / "genindex.html").exists()
        for page in edition_pages(site, language.tag):
            assert "genindex" not in page.read_text(encoding="utf-8"), page


def test_a_page_with_an_index_entry_keeps_the_index(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    source = root / "source" / "news" / "harbour.rst"
    source.write_text(".. index:: harbour\n\n" + source.read_text("utf-8"), "utf-8")
    assert editions("--project", root, "build", "--lang", "en").code == 0
    assert (root / "build" / "html" / "en" / "genindex.html").is_file()


def test_the_status_page_is_in_each_language_with_a_way_back(
    site: Path, declared: list[Any]
) -> None:
    english = (site / "status.html").read_text(encoding="utf-8")
    german = (site / "status.de.html").read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in english and '<html lang="de" dir="ltr">' in german
    assert "<h1>Rote Fahne: Stand der Übersetzung</h1>" in german
    assert ">Übersetzte Wörter</th>" in german and "(Englisch)" in german
    assert '<html lang="ar" dir="rtl">' in (site / "status.ar.html").read_text(encoding="utf-8")
    for page in (english, german):
        assert not re.search(r"<th[^>]*></th>", page)  # every column has a header
        assert '<a href="index.html?choose">' in page
        for language in declared:
            name = "status.html" if language.tag == "en" else f"status.{language.tag}.html"
            assert f'hreflang="{language.bcp47}" href="{name}"' in page


def og_tags(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html)


def test_an_article_is_shared_as_an_article_in_its_locale_with_its_first_paragraph(
    make_project: Callable[[str], Path], editions: Callable[..., Any]
) -> None:
    root = make_project("test-basic")
    declare(root, 'base-url = "https://news.example.org/"')
    assert editions("--project", root, "build").code == 0
    html = (root / "build/html/es/news/harbour.html").read_text(encoding="utf-8")
    tags = og_tags(html)
    og = dict(tags)
    assert og["og:type"] == "article"
    assert og["og:locale"] == "es_ES"
    alternates = sorted(value for name, value in tags if name == "og:locale:alternate")
    assert alternates == ["de_DE", "en_US"]
    first = "El puerto reabrió el lunes tras tres semanas de reparaciones."
    assert og["og:description"] == first
    assert f'<meta name="description" content="{first}">' in html
    assert html.count('name="description"') == 1
    image = og["og:image"]
    assert image.startswith("https://news.example.org/es/_static/")
    assert (root / "build/html/es/_static" / image.rsplit("/", 1)[-1]).read_bytes()[:4] == (
        b"\x89PNG"
    )
    front = dict(og_tags((root / "build/html/es/index.html").read_text(encoding="utf-8")))
    assert front["og:type"] == "website"


def test_og_locale_takes_the_likeliest_territory() -> None:
    from babel import Locale

    from editions.declaration import Language
    from editions.sphinxext.alternates import og_locale

    codes = ("es", "fr", "ar", "pt-BR", "en")
    languages = [Language(code, Locale.parse(code, sep="-")) for code in codes]
    assert [og_locale(language) for language in languages] == [
        "es_ES",
        "fr_FR",
        "ar_EG",
        "pt_BR",
        "en_US",
    ]


def commit(root: Path, message: str, when: datetime) -> None:
    """Commit everything in ``root`` as of ``when`` (author and committer dates)."""
    stamp = when.isoformat()
    environment = {
        **os.environ,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    for command in (["add", "-A", "source", "locale"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", "-C", str(root), *command], env=environment, check=True)


def test_a_page_is_dated_by_the_last_commit_of_its_source_or_its_catalog(
    make_project: Callable[[str], Path],
    editions: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_project("test-basic")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commit(root, "The first issue", datetime(2020, 3, 15, 12, tzinfo=UTC))
    catalog = root / "locale/es/LC_MESSAGES/news/harbour.po"
    catalog.write_text(catalog.read_text("utf-8").replace("reabre", "vuelve a abrir"), "utf-8")
    commit(root, "Spanish: a better title", datetime(2021, 6, 1, 12, tzinfo=UTC))
    # The files were all written today: their modification times are no page's date.
    build = ("--project", root, "build", "-D", "html_last_updated_fmt=%Y")
    assert editions(*build).code == 0
    site = root / "build" / "html"

    def dated(tag: str, words: str) -> bool:
        return words in (site / tag / "news" / "harbour.html").read_text(encoding="utf-8")

    assert dated("en", "Last updated on March 15, 2020")
    assert dated("de", "15. März 2020")
    assert dated("es", "1 de junio de 2021")  # its catalog is newer than the source
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2021, 1, 1, tzinfo=UTC).timestamp())))
    assert editions(*build[:-1], "html_last_updated_fmt=%d").code == 0
    assert dated("es", "1 de enero de 2021")  # no page later than the epoch
    assert dated("en", "March 15, 2020")


def test_furo_words_written_as_plain_english_are_translated(
    site: Path, declared: list[Any]
) -> None:
    import polib

    from editions.sphinxext.furo_words import LITERALS

    german = (site / "de" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    assert 'aria-label="Navigation der Website ein- oder ausblenden"' in german
    assert "<title>Menü</title>" in german and "<title>Inhalt</title>" in german
    # The footer credits the theme in German, and not Sphinx (html_show_sphinx = False).
    assert re.search(r"Erstellt mit\s*<a [^>]*>Furo</a>", german)
    assert "sphinx-doc.org" not in german and "@pradyunsg" not in german
    english = (site / "en" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    assert 'aria-label="Toggle site navigation sidebar"' in english
    for language in declared:
        if language.tag == "en":
            continue
        catalog = polib.pofile(
            str(REPOSITORY / "locale" / language.gettext / "LC_MESSAGES/sphinx.po")
        )
        same = {entry.msgid for entry in catalog if entry.msgstr == entry.msgid}  # "Menu" in French
        for page in edition_pages(site, language.tag):
            html = page.read_text(encoding="utf-8")
            for pattern, words in LITERALS:
                assert words in same or pattern.format(words) not in html, (page, words)
