"""The theme's words (class 4, and class 5 for ``locale/en/``): ``sphinx.po`` injects nothing.

Sphinx's templates insert translated theme words without escaping them, in text and in
attributes (``placeholder="…"``, ``title="…"``), and ``sphinx_highlight.js`` inserts "Hide
Search Matches" as HTML. Each language here tries one way out: an element (fr), a double-quoted
attribute (it), a single-quoted one (pt), both from the source language's catalog (en).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from .conftest import WITNESS, AttackedSite, safe_translation, theme_id
from .payloads import THEME_ATTACKS, THEME_WORDS
from .published import read_page

CASES = [
    pytest.param(lang, word, id=theme_id(lang, word))
    for lang in THEME_ATTACKS
    for word in THEME_WORDS
]
# A single quote breaks out of nothing: every template inserts the words as text or in
# double-quoted attributes (checked by tests/test_theme_words.py), and French writes
# "l'accueil".  So the pt attack must be inert (the tests below), not refused.
REFUSED_CASES = [case for case in CASES if case.values[0] != "pt"]


@functools.cache
def edition_attributes(edition: Path) -> tuple[tuple[str, str, str, str], ...]:
    """Every attribute of every published page of an edition: (page, tag, name, value)."""
    found = []
    for path in sorted(edition.rglob("*.html")):
        for tag, name, value in read_page(path).attributes:
            found.append((path.relative_to(edition).as_posix(), tag, name, value))
    return tuple(found)


def test_the_strict_build_exits_1_and_the_other_editions_publish(theme_site: AttackedSite) -> None:
    assert theme_site.run.code == 1, theme_site.run.err[-3000:]
    assert "Traceback" not in theme_site.run.err
    for lang in [*THEME_ATTACKS, WITNESS]:
        if lang != WITNESS and theme_site.run.edition_failed(lang):
            continue  # refused whole: it publishes nothing, and says so
        text = read_page(theme_site.html / lang / "p" / "first.html").text
        assert safe_translation(lang, "first") in text, lang


@pytest.mark.parametrize(("lang", "word"), REFUSED_CASES)
def test_reported_at_its_file_and_line(theme_site: AttackedSite, lang: str, word: str) -> None:
    catalog, lines = theme_site.entries[lang, word]
    reported = theme_site.run.findings().get(catalog, set())
    if theme_site.run.edition_failed(lang):  # refused whole: one line named is enough
        assert reported, theme_site.run.err
        return
    assert reported & set(lines), (
        f"no finding at {catalog}:{lines.start}-{lines.stop - 1}; "
        f"lines reported in that file: {sorted(reported)}"
    )


@pytest.mark.parametrize(("lang", "word"), CASES)
def test_no_element_or_event_handler_in_any_published_page(
    theme_site: AttackedSite, lang: str, word: str
) -> None:
    marker = theme_id(lang, word)
    injected = [
        (page, tag, name, value)
        for page, tag, name, value in edition_attributes(theme_site.html / lang)
        if (name.startswith("on") and marker in value) or value == f"inj-{marker}"
    ]
    assert injected == []


@pytest.mark.parametrize(("lang", "word"), CASES)
def test_no_markup_in_the_javascript_catalog(
    theme_site: AttackedSite, lang: str, word: str
) -> None:
    """``_static/translations.js`` feeds words to scripts that insert them as HTML."""
    marker = re.escape(theme_id(lang, word))
    for script in (theme_site.html / lang / "_static").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(rf"(<|\\u003c|\\x3c)img[^>]*?{marker}", text, re.IGNORECASE), script
