"""The sidebar lists the newest articles and the reader's own, not the whole archive."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CliResult


class SidebarParser(HTMLParser):
    """The links of furo's sidebar tree, as (classes of the <li>, href, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[list[str], str, str]] = []
        self._depth = 0  # of <div> elements inside the sidebar tree
        self._item: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "div" and ("sidebar-tree" in classes or self._depth):
            self._depth += 1
        elif self._depth and tag == "li":
            self._item = classes
        elif self._depth and tag == "a":
            self.entries.append((self._item, attributes.get("href") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth and self.entries and not self.entries[-1][2]:
            classes, href, _ = self.entries[-1]
            self.entries[-1] = (classes, href, data.strip())


def sidebar(page: Path) -> list[tuple[list[str], str, str]]:
    parser = SidebarParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.entries


@pytest.fixture
def one_article_sidebar(
    make_project: Callable[[str], Path], editions: Callable[..., CliResult]
) -> Path:
    """test-basic (two articles) built with a sidebar of one article."""
    root = make_project("test-basic")
    result = editions("--project", root, "build", "-D", "editions_sidebar_articles=1")
    assert result.code == 0, result.err
    return root / "build" / "html"


def test_sidebar_lists_the_newest_articles_then_a_link_to_all_of_them(
    one_article_sidebar: Path,
) -> None:
    entries = sidebar(one_article_sidebar / "en" / "index.html")
    assert [(href, text) for _, href, text in entries] == [
        ("news/harbour.html", "The harbour reopens"),
        ("#", "All articles"),
    ]


def test_sidebar_keeps_the_article_being_read_marked_current(one_article_sidebar: Path) -> None:
    entries = sidebar(one_article_sidebar / "en" / "news" / "market.html")
    # The newest article, then the one being read; nothing is left out, so no extra link.
    assert [href for _, href, _ in entries] == ["harbour.html", "#"]
    assert ["current-page" in classes for classes, _, _ in entries] == [False, True]


def test_the_link_to_every_article_is_in_the_edition_language(one_article_sidebar: Path) -> None:
    entries = sidebar(one_article_sidebar / "es" / "news" / "harbour.html")
    assert [href for _, href, _ in entries] == ["#", "../index.html"]
    classes, _, text = entries[-1]
    assert text == "Todos los artículos" and "editions-archive" in classes


def test_the_front_page_itself_still_lists_every_article(one_article_sidebar: Path) -> None:
    front = (one_article_sidebar / "en" / "index.html").read_text(encoding="utf-8")
    article = front[front.index('id="furo-main-content"') :]
    assert 'href="news/harbour.html"' in article and 'href="news/market.html"' in article


def test_a_short_archive_is_listed_whole_without_the_extra_link(built_project: Path) -> None:
    entries = sidebar(built_project / "build" / "html" / "en" / "news" / "market.html")
    assert [href for _, href, _ in entries] == ["harbour.html", "#"]


def test_a_negative_sidebar_length_is_refused_naming_the_setting(
    make_project: Callable[[str], Path], editions: Callable[..., CliResult]
) -> None:
    root = make_project("test-basic")
    result = editions("--project", root, "build", "-D", "editions_sidebar_articles=-1")
    assert result.code != 0
    assert "editions_sidebar_articles" in result.err and "Traceback" not in result.err
