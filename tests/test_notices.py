"""Notices that inform without getting in the way: one line, a mark per English paragraph.

tests/roots/test-notices has a story translated in four editions with, in each, the
same four blocks shown in English: a list item and a section title never translated,
a paragraph whose translation the build withholds (it changes a link's address) and
one whose translation is fuzzy (the English changed since).
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.numbers import format_percent
from playwright.sync_api import Browser

from browsing import new_page, served
from conftest import ROOTS
from editions.cli import main
from editions.declaration import load_project
from editions.status import project_status

TAGS = ("es", "fr", "de", "ar")
# What each edition shows in English, and why: its own words for the mark.
LABELS = {
    "es": ("Sin traducir", "Cambió desde la traducción"),
    "fr": ("Non traduit", "Modifié depuis la traduction"),
    "de": ("Nicht übersetzt", "Seit der Übersetzung geändert"),
    "ar": ("غير مترجمة", "تغيّرت منذ الترجمة"),
}
# The notice's words after the figure: "4 paragraphs in English", in each edition.
SHOWN = {
    "es": "4 párrafos en inglés",
    "fr": "4 paragraphes en anglais",
    "de": "4 Absätze auf Englisch",
    "ar": "4 فقرات باللغة الإنجليزية",
}
TRANSLATED = {
    "es": "Traducida al {}",
    "fr": "Traduite à {}",
    "de": "Zu {} übersetzt",
    "ar": "مترجمة بنسبة {}",
}
READ = {
    "es": "Leer en inglés",
    "fr": "Lire en anglais",
    "de": "Auf Englisch lesen",
    "ar": "اقرأ باللغة الإنجليزية",
}
IN_ENGLISH = {
    "Trucks waited at the border for three days.": "untranslated",
    "Read the report.": "untranslated",  # withheld: it linked elsewhere
    "The ferry": "untranslated",
    "The ferry left at six in the morning.": "changed",
}


class Block:
    """An element of the article with text: its attributes, its mark, its own text."""

    def __init__(self, tag: str, attributes: dict[str, str | None]) -> None:
        self.tag = tag
        self.attributes = attributes
        self.mark: dict[str, str | None] | None = None  # the mark's <span>, with its link's
        self.label = ""
        self.text = ""


class ArticleParser(HTMLParser):
    """The notices and the blocks (p, h1–h6) of a page's article, with their marks."""

    def __init__(self) -> None:
        super().__init__()
        self.notices: list[dict[str, str | None]] = []
        self.notice_text = ""
        self.notice_link: dict[str, str | None] = {}
        self.blocks: list[Block] = []
        self.marks = 0
        self._in: list[str] = []  # "notice", "mark", "block"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if "editions-notice" in classes:
            self.notices.append(attributes)
            self._in.append("notice")
        elif "editions-mark" in classes:
            self.marks += 1
            if self.blocks and "block" in self._in:
                self.blocks[-1].mark = dict(attributes)
            self._in.append("mark")
        elif tag == "a" and self._in[-1:] == ["mark"] and self.blocks:
            mark = self.blocks[-1].mark
            assert mark is not None
            mark.update({f"a.{name}": value for name, value in attributes.items()})
        elif tag == "a" and self._in[-1:] == ["notice"]:
            self.notice_link = attributes
        elif tag in ("p", "h1", "h2", "h3"):
            self.blocks.append(Block(tag, attributes))
            self._in.append("block")

    def handle_endtag(self, tag: str) -> None:
        if not self._in:
            return
        ends = {"notice": "div", "mark": "span", "block": None}[self._in[-1]]
        if tag == ends or (ends is None and tag in ("p", "h1", "h2", "h3")):
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "notice" in self._in:
            self.notice_text += data
        elif self._in[-1:] == ["mark"] and self.blocks:
            self.blocks[-1].label += data
        elif "block" in self._in:
            self.blocks[-1].text += data.replace("¶", "")


def article(site: Path, name: str) -> ArticleParser:
    parser = ArticleParser()
    parser.feed((site / name).read_text(encoding="utf-8"))
    return parser


def story_figure(site: Path, tag: str) -> str:
    """The story's completeness as `editions status` counts it, written the edition's way."""
    root = site.parent.parent
    [figures] = [f for f in project_status(load_project(root)) if f.language == tag]
    [story] = [document for document in figures.documents if document.document == "story"]
    assert 0 < story.completeness < 100
    return format_percent(story.completeness / 100, locale=tag)


@pytest.mark.parametrize("tag", TAGS)
def test_a_partly_translated_page_has_one_line_in_its_language_linking_to_the_english(
    notices_site: Path, tag: str
) -> None:
    page = article(notices_site, f"{tag}/story.html")
    [notice] = page.notices
    assert notice["role"] == "note" and "no-search" in str(notice["class"]).split()
    assert "data-nosnippet" in notice
    figure = TRANSLATED[tag].format(story_figure(notices_site, tag))
    assert page.notice_text == f"{figure} · {SHOWN[tag]}"
    assert page.notice_link == {
        "href": "../en/story.html",
        "hreflang": "en",
        "title": READ[tag],
    }
    html = (notices_site / tag / "story.html").read_text(encoding="utf-8")
    # Above the headline, in the article.
    assert html.index('class="editions-notice') < html.index("<h1>") > html.index('role="main"')


@pytest.mark.parametrize("tag", TAGS)
def test_each_block_shown_in_english_and_only_those_is_marked_and_links_to_it_in_english(
    notices_site: Path, tag: str
) -> None:
    page = article(notices_site, f"{tag}/story.html")
    marked = {block.text: block for block in page.blocks if block.mark is not None}
    assert set(marked) == set(IN_ENGLISH)
    assert page.marks == len(IN_ENGLISH)  # none elsewhere (notice, sidebar, table of contents)
    english_ids = set(
        re.findall(r' id="([^"]+)"', (notices_site / "en/story.html").read_text("utf-8"))
    )
    not_translated, changed = LABELS[tag]
    for text, block in marked.items():
        mark = block.mark
        assert mark is not None
        assert block.attributes["lang"] == "en"  # the English, for screen readers' voices
        # Read left to right, on the Arabic page too.
        assert {"untranslated", "editions-source-ltr"} <= set(
            str(block.attributes["class"]).split()
        )
        assert "no-search" in str(mark["class"]).split() and "data-nosnippet" in mark
        assert mark["a.lang"] == tag and mark["a.hreflang"] == "en"
        assert mark["a.dir"] == ("rtl" if tag == "ar" else "ltr")
        assert mark["a.title"] == READ[tag]
        assert block.label == (changed if IN_ENGLISH[text] == "changed" else not_translated)
        page_url, _, place = str(mark["a.href"]).partition("#")
        assert page_url == "../en/story.html"
        section, _, directive = place.partition(":~:")
        assert section in english_ids
        if block.tag.startswith("h"):  # a title: its section's start
            assert (section, directive) == ("the-ferry", "")
        else:
            assert directive.startswith("text=")
    read = marked["Read the report."].mark
    assert read is not None
    assert read["a.href"] == "../en/story.html#the-long-road:~:text=Read%20the%20report."
    ferry = marked["The ferry left at six in the morning."].mark
    assert ferry is not None
    assert ferry["a.href"] == (
        "../en/story.html#the-ferry:~:text=The%20ferry%20left%20at%20six%20in%20the%20morning."
    )


def test_the_english_edition_and_a_translated_page_have_no_notice_and_no_mark(
    notices_site: Path,
) -> None:
    for name in ("en/story.html", "en/index.html", "de/index.html", "ar/index.html"):
        page = article(notices_site, name)
        assert (page.notices, page.marks) == ([], 0), name


def search_index(site: Path, tag: str) -> dict[str, object]:
    script = (site / tag / "searchindex.js").read_text(encoding="utf-8")
    index: dict[str, object] = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    return index


def test_neither_the_notice_nor_the_marks_reach_the_search_index(notices_site: Path) -> None:
    from sphinx.search.de import SearchGerman

    stem = SearchGerman({}).stem
    index = search_index(notices_site, "de")
    terms = set(index["terms"]) | set(index["titleterms"])  # type: ignore[call-overload]
    assert {stem("Fahrpreis"), stem("ferry"), stem("Trucks")} <= terms
    for word in ("übersetzt", "Absätze", "Übersetzung", "geändert", "Englisch", "lesen"):
        assert stem(word) not in terms, word
    # The section title is indexed as the English has it, without its mark.
    assert "The ferry" in index["alltitles"]  # type: ignore[operator]
    assert not any("Nicht" in title for title in index["alltitles"])  # type: ignore[attr-defined]


def test_a_translation_reviewed_in_the_catalog_loses_its_mark_at_the_next_build(
    tmp_path: Path,
) -> None:
    root = tmp_path / "test-notices"
    shutil.copytree(ROOTS / "test-notices", root)
    assert main(["--project", str(root), "build", "--lang", "de"]) == 0
    catalog = root / "locale/de/LC_MESSAGES/story.po"
    text = catalog.read_text(encoding="utf-8")
    reviewed = text.replace(
        '#, fuzzy\n#| msgid "The ferry left at five in the morning."\n', ""
    ).replace("um fünf Uhr", "um sechs Uhr")
    assert reviewed.count("#, fuzzy") == text.count("#, fuzzy") - 1
    catalog.write_text(reviewed, encoding="utf-8")
    assert main(["--project", str(root), "build", "--lang", "de"]) == 0
    site = root / "build" / "html"
    page = article(site, "de/story.html")
    assert "Die Fähre fuhr um sechs Uhr morgens ab." in [block.text for block in page.blocks]
    assert page.marks == 3 and page.notice_text.endswith(" · 3 Absätze auf Englisch")


def test_a_paragraph_in_english_reads_left_to_right_on_the_left_of_an_arabic_page(
    notices_site: Path, browser: Browser
) -> None:
    with served(notices_site) as url:
        page = new_page(browser)
        page.goto(url + "ar/story.html")
        style = "p => [getComputedStyle(p).direction, getComputedStyle(p).textAlign]"
        english = page.locator("article p.untranslated", has_text="Trucks waited")
        assert english.evaluate(style) == ["ltr", "left"]
        arabic = page.locator("article section p:not(.untranslated)").first
        assert arabic.evaluate(style) == ["rtl", "right"]
        page.context.close()
